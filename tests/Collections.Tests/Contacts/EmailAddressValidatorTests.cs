using Collections.Contacts;

namespace Collections.Tests.Contacts;

public sealed class EmailAddressValidatorTests
{
    [Theory]
    [InlineData("jan@example.nl", "jan@example.nl")]
    [InlineData("  jan.jansen+facturen@mail.example.co.uk ", "jan.jansen+facturen@mail.example.co.uk")]
    [InlineData("J.Jansen@Example.NL", "J.Jansen@Example.NL")]
    public void Validate_PlainAddresses_Accepted(string input, string expected)
    {
        var result = EmailAddressValidator.Validate(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("Jan Jansen <jan@example.nl>", "bare address")]
    [InlineData("\"Jan\" jan@example.nl", "bare address")]
    [InlineData("jan@example.nl, piet@example.nl", "bare address")]
    [InlineData("jan@localhost", "full domain")]
    [InlineData("jan@example..nl", "not a valid")]
    [InlineData("jan@-example.nl", "full domain")]
    [InlineData("jan", "not a valid")]
    [InlineData("jan@@example.nl", "not a valid")]
    [InlineData("@example.nl", "not a valid")]
    public void Validate_MalformedOrDisplayNameForms_Refused(string input, string reason)
    {
        var result = EmailAddressValidator.Validate(input);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_Refused()
    {
        var result = EmailAddressValidator.Validate(new string('a', 250) + "@example.nl");

        Assert.False(result.IsValid);
    }
}
