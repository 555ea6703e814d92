using Collections.Infrastructure.Channels.Acs;

namespace Collections.Server.Tests.Channels.Acs;

public sealed class AcsConnectionStringTests
{
    [Fact]
    public void Parse_KeyEndingInEquals_SplitsOnFirstEqualsOnly()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://contoso.communication.azure.com/;accesskey=pw==");

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal(Convert.FromBase64String("pw=="), parsed.AccessKey);
    }

    [Fact]
    public void Parse_MixedCaseNamesAndSpaces_AreAccepted()
    {
        var parsed = AcsConnectionString.Parse(" AccessKey = cHc= ; Endpoint=https://contoso.communication.azure.com:8443/ ;");

        Assert.Equal(8443, parsed.Endpoint.Port);
        Assert.Equal("pw"u8.ToArray(), parsed.AccessKey);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("accesskey=pw==", "endpoint")]
    [InlineData("endpoint=https://contoso.communication.azure.com/", "accesskey")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=", "accesskey")]
    [InlineData("endpoint=contoso;accesskey=pw==", "not an absolute https URL")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=***", "base64")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;garbage", "name=value")]
    public void Parse_MissingOrBadPart_NamesTheProblem(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AcsConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
