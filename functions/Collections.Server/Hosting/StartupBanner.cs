using Collections.Law;
using Collections.Server.Hosting.Demo;
using Collections.Web.Hosting;
using Collections.Web.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Collections.Server.Hosting;

/// <summary>Tells the person who just ran the server where to look: the address, the API reference,
/// the staff pages and how to sign in, the data folder, the local API key, and a warning when the law data runs out.
/// Configured keys and passwords are never printed; only the demo account's generated one is.</summary>
internal sealed class StartupBanner(
    IServer server, IHostApplicationLifetime lifetime, LocalKeys keys, IOptions<CollectionsOptions> options, TimeProvider time, StaffAccounts staff,
    DemoAccount? demo = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ServerApp.DefaultUrl;
        var lines = new List<string>
        {
            $"Collections is running at {address}",
            $"  API reference:  {address}/scalar",
            $"  OpenAPI:        {address}/openapi/v1.json",
            $"  Outbox:         {address}/api/outbox (messages go here until a real channel is configured)",
            $"  Data folder:    {Path.GetFullPath(options.Value.DataPath)}",
        };
        lines.Add($"  Staff pages:    {address}/staff ({StaffAccountsLine(address)})");
        if (demo is not null)
        {
            lines.Add($"  Demo sign-in:   user {demo.UserName}, password {demo.Password}");
        }

        lines.Add(keys.GeneratedKey is null
            ? $"  API keys:       {keys.Accepted.Count} configured (Collections:ApiKeys)"
            : $"  Local API key:  {keys.GeneratedKey}  (send as X-Api-Key; {(keys.CreatedNow ? "generated now, " : string.Empty)}kept in {keys.GeneratedKeyPath})");
        lines.AddRange(LawDataCoverage.Warnings(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)).Select(warning => "  Warning:        " + warning));
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private string StaffAccountsLine(string address) => staff.All().Count switch
    {
        0 => $"no staff account yet; make the first at {address}{FirstAccountEndpoints.Path} (from this machine) or with: staff add NAME",
        1 => "1 staff account; add more with: staff add NAME",
        var count => $"{count} staff accounts; add more with: staff add NAME",
    };
}
