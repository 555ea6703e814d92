using System.Net;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Browser;

/// <summary>The pages' stylesheet and script are served with their content type and a long cache lifetime.</summary>
public sealed class PageAssetsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync([]);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("/pages/assets/pages-1.css", "text/css")]
    [InlineData("/pages/assets/pages-1.js", "text/javascript")]
    public async Task Asset_IsServedWithItsContentType(string path, string contentType)
    {
        using var response = await server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(300));
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }
}
