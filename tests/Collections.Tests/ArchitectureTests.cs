using System.Reflection;

namespace Collections.Tests;

/// <summary>The core stays pure: it must not reference an engine, an Azure SDK, a web framework
/// or a database (design/STYLE.md, habit 9).</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Collections.Durable",
        "Collections.Infrastructure",
        "Collections.Server",
        "Collections.Web",
        "Collections.AzureFunctions",
        "Microsoft.DurableTask",
        "Microsoft.Azure",
        "Azure.",
        "Microsoft.AspNetCore",
        "Microsoft.Data",
        "MailKit",
        "MimeKit",
        "System.Data",
    ];

    [Fact]
    public void Core_References_NoEngineSdkWebOrDatabase()
    {
        var core = typeof(Collections.Workflow.IWorkflowContext).Assembly;

        var forbidden = core.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? string.Empty)
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(forbidden);
    }

    [Fact]
    public void Core_HoldsNoHostingCode()
    {
        var core = typeof(Collections.Workflow.IWorkflowContext).Assembly;

        var hosting = core.GetTypes().Where(type => type.Namespace?.StartsWith("Collections.Hosting", StringComparison.Ordinal) == true).ToList();

        Assert.Empty(hosting);
    }

    [Fact]
    public void DurableRuntime_References_NothingOfTheProduct()
    {
        var runtime = Assembly.Load("Collections.Durable");

        var product = runtime.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? string.Empty)
            .Where(name => name == "Collections" || name.StartsWith("Collections.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(product);
    }
}
