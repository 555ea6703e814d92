using Collections.Workflow;

namespace Collections.Tests.Workflow;

public sealed class DurableInstanceIdTests
{
    [Theory]
    [InlineData("invoice-2026-0042")]
    [InlineData("invoice-F 2026.042")]
    [InlineData("invoice-factuur€42")]
    public void From_IdWithoutForbiddenCharacters_IsUnchanged(string id) =>
        Assert.Equal(id, DurableInstanceId.From(id));

    [Theory]
    [InlineData("invoice-2026/0042", "invoice-2026%2F0042")]
    [InlineData(@"invoice-A\B", "invoice-A%5CB")]
    [InlineData("invoice-#7?", "invoice-%237%3F")]
    [InlineData("invoice-50%", "invoice-50%25")]
    [InlineData("invoice-a\tb\u0085", "invoice-a%09b%85")]
    public void From_ForbiddenCharacters_AreEscaped(string id, string expected) =>
        Assert.Equal(expected, DurableInstanceId.From(id));

    [Fact]
    public void From_IdThatLooksEscaped_DoesNotCollideWithTheEscapedId()
    {
        var slash = DurableInstanceId.From("invoice-1/2");
        var literal = DurableInstanceId.From("invoice-1%2F2");

        Assert.NotEqual(slash, literal);
    }

    [Fact]
    public void From_Empty_Throws() =>
        Assert.Throws<ArgumentException>(() => DurableInstanceId.From(string.Empty));
}
