using System.Reflection;
using System.Runtime.CompilerServices;
using Collections.Activities;

namespace Collections.Deployment.Tests.AzureFunctions;

/// <summary>functions/Collections.AzureFunctions/local.settings.json.example: a working start for <c>func start</c>
/// (copy it to local.settings.json), with every secret left empty.</summary>
public sealed class LocalSettingsExampleTests
{
    private readonly IReadOnlyDictionary<string, string> settings = ProjectInclusionTests.LocalSettings();

    [Fact]
    public void Example_HostSettings_RunTheIsolatedWorkerOnLocalStorage()
    {
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.NotEqual(string.Empty, settings["TASKHUB_NAME"]);
    }

    [Fact]
    public void Example_Store_IsAzureTablesOnLocalStorage()
    {
        Assert.Equal("tables", settings["Collections__Store"]);
        Assert.Equal("UseDevelopmentStorage=true", settings["Collections__Tables__ConnectionString"]);
    }

    [Fact]
    public void Example_Secrets_AreEmpty()
    {
        var secrets = settings.Where(setting => setting.Key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
            || setting.Key.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
            || setting.Key.Contains("Password", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.Equal(string.Empty, secret.Value));
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("accesskey=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Example_ActivityOptions_NameEveryRequiredValue()
    {
        var required = RequiredSettings("Collections__Activities", typeof(InvoiceActivityOptions)).ToList();

        Assert.Contains("Collections__Activities__Creditor__Address__City", required);
        Assert.All(required, key => Assert.Contains(key, settings.Keys));
    }

    /// <summary>Configuration keys of the required members (required properties, constructor parameters without a
    /// default), descending into records of our own.</summary>
    private static IEnumerable<string> RequiredSettings(string prefix, Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(candidate => candidate.GetParameters().Length).First();
        var members = type.GetCustomAttribute<RequiredMemberAttribute>() is not null
            ? type.GetProperties().Where(property => property.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(property => (property.Name, property.PropertyType))
            : constructor.GetParameters().Where(parameter => !parameter.HasDefaultValue).Select(parameter => (parameter.Name!, parameter.ParameterType));
        foreach (var (name, memberType) in members)
        {
            var key = $"{prefix}__{name}";
            if (memberType.Namespace?.StartsWith("Collections", StringComparison.Ordinal) == true && !memberType.IsEnum)
            {
                foreach (var nested in RequiredSettings(key, memberType))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
