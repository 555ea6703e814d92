using Collections.AzureFunctions.Workflows;

namespace Collections.AzureFunctions.Tests.Workflows;

public sealed class DurableRuntimeStatusTests
{
    [Theory]
    [InlineData("Pending", "Pending")]
    [InlineData("Running", "Running")]
    [InlineData("ContinuedAsNew", "Running")]
    [InlineData("Suspended", "Suspended")]
    [InlineData("Completed", "Completed")]
    [InlineData("Failed", "Failed")]
    [InlineData("Terminated", "Terminated")]
    [InlineData("Canceled", "Terminated")]
    public void ToProduct_DurableStatus_MapsToProductStatus(string durable, string product) =>
        Assert.Equal(product, DurableRuntimeStatus.ToProduct(durable));

    [Fact]
    public void ToProduct_ProductStatuses_AreTheEmbeddedRuntimeNames()
    {
        var embedded = Enum.GetNames<Collections.Durable.OrchestrationRuntimeStatus>();
        string[] durable = ["Pending", "Running", "ContinuedAsNew", "Suspended", "Completed", "Failed", "Terminated", "Canceled"];

        Assert.All(durable, status => Assert.Contains(DurableRuntimeStatus.ToProduct(status), embedded));
    }

    [Fact]
    public void ToProduct_UnknownStatus_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => DurableRuntimeStatus.ToProduct("Sleeping"));

        Assert.Contains("'Sleeping'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pending", true)]
    [InlineData("Running", true)]
    [InlineData("Suspended", true)]
    [InlineData("Completed", false)]
    [InlineData("Failed", false)]
    [InlineData("Terminated", false)]
    public void IsActive_Status_TrueWhileTheInstanceTakesEvents(string status, bool active) =>
        Assert.Equal(active, DurableRuntimeStatus.IsActive(status));
}
