using System.Reflection;

namespace Collections.AzureFunctions.Tests;

/// <summary>Neither host references the other; what they share lives in Collections.Web.</summary>
public sealed class HostBoundaryTests
{
    [Theory]
    [InlineData("Collections.AzureFunctions", "Collections.Server")]
    [InlineData("Collections.AzureFunctions", "Collections.Durable")]
    [InlineData("Collections.Server", "Collections.AzureFunctions")]
    [InlineData("Collections.Web", "Collections.Server")]
    [InlineData("Collections.Web", "Collections.AzureFunctions")]
    [InlineData("Collections.Web", "Collections.Durable")]
    public void Assembly_DoesNotReference(string assembly, string forbidden)
    {
        var references = Assembly.Load(assembly).GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.DoesNotContain(forbidden, references);
    }

    [Theory]
    [InlineData("Collections.AzureFunctions")]
    [InlineData("Collections.Server")]
    public void Host_ReferencesTheSharedWebProject(string host)
    {
        var references = Assembly.Load(host).GetReferencedAssemblies().Select(reference => reference.Name).ToList();

        Assert.Contains("Collections.Web", references);
    }
}
