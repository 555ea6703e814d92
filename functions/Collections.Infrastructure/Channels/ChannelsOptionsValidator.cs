using Collections.Infrastructure.Channels.Acs;
using Microsoft.Extensions.Options;

namespace Collections.Infrastructure.Channels;

/// <summary>Checks at start-up that every configured provider has what it needs, naming the missing key.</summary>
public sealed class ChannelsOptionsValidator : IValidateOptions<ChannelsOptions>
{
    private const string Sms = ChannelsOptions.SectionName + ":Sms";
    private const string Email = ChannelsOptions.SectionName + ":Email";
    private const string WhatsApp = ChannelsOptions.SectionName + ":WhatsApp";

    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Sms.Provider == SmsProvider.Acs)
        {
            ValidateAcs(options.Sms.Acs, $"{Sms}:Acs", errors);
            if (string.IsNullOrWhiteSpace(options.Sms.From))
            {
                errors.Add($"{Sms}:From is required for the ACS SMS provider (an E.164 number or alphanumeric sender id of the resource).");
            }
        }

        if (options.Email.Provider != EmailProvider.Outbox)
        {
            if (string.IsNullOrWhiteSpace(options.Email.From))
            {
                errors.Add($"{Email}:From is required for the {options.Email.Provider} email provider.");
            }
            else if (!System.Net.Mail.MailAddress.TryCreate(options.Email.From, out _))
            {
                errors.Add($"{Email}:From '{options.Email.From}' is not an email address.");
            }
        }

        if (options.Email.Provider == EmailProvider.Acs)
        {
            ValidateAcs(options.Email.Acs, $"{Email}:Acs", errors);
        }

        if (options.Email.Provider == EmailProvider.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Email.Smtp.Host))
            {
                errors.Add($"{Email}:Smtp:Host is required for the SMTP email provider.");
            }

            if (options.Email.Smtp.Port is < 1 or > 65535)
            {
                errors.Add($"{Email}:Smtp:Port must be 1–65535; it is {options.Email.Smtp.Port}.");
            }

            if (!string.IsNullOrEmpty(options.Email.Smtp.Username) && options.Email.Smtp.Password is null)
            {
                errors.Add($"{Email}:Smtp:Password is required when {Email}:Smtp:Username is set.");
            }
        }

        if (options.WhatsApp.Provider == WhatsAppProvider.Acs)
        {
            ValidateAcs(options.WhatsApp.Acs, $"{WhatsApp}:Acs", errors);
            if (options.WhatsApp.ChannelRegistrationId is not { } id || id == Guid.Empty)
            {
                errors.Add($"{WhatsApp}:ChannelRegistrationId is required for the ACS WhatsApp provider (the WhatsApp channel's id on the Communication Services resource).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAcs(AcsOptions acs, string section, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(acs.ConnectionString))
        {
            try
            {
                AcsConnectionString.Parse(acs.ConnectionString);
            }
            catch (FormatException e)
            {
                errors.Add($"{section}:ConnectionString is invalid: {e.Message}");
            }
        }
        else if (acs.Endpoint is null || !acs.Endpoint.IsAbsoluteUri)
        {
            errors.Add($"{section}:ConnectionString (access key) or {section}:Endpoint (managed identity) is required.");
        }

        if (acs.MaxRetries is < 0 or > 20)
        {
            errors.Add($"{section}:MaxRetries must be 0–20; it is {acs.MaxRetries}.");
        }
    }
}
