using Collections.Server.Tests.Support;
using Collections.Web.Staff;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>One real server (Kestrel on 127.0.0.1, SQLite store) and one Debian Chromium for the whole
/// browser collection; each test opens its own browser context (own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string StaffUser = "sanne";

    /// <summary>Made as a person makes an account: <c>staff add sanne</c>, the password typed twice (see <see cref="StartServerAsync"/>).</summary>
    public const string StaffPassword = "correct horse battery";

    /// <summary>A second account, from configuration, whose hash comes from <see cref="StaffPasswords.Hash"/>.</summary>
    public const string SecondUser = "joris";
    public const string SecondPassword = "another long passphrase";

    public const string DebtorLinkSecret = "debtor-link-secret-for-tests-0123456789";

    private IPlaywright? playwright;

    internal RunningServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A server configured like the shared one (staff accounts, debtor pages); with
    /// <paramref name="realWorkflows"/>, the invoice workflow runs on the embedded runtime under virtual time.</summary>
    internal static async Task<RunningServer> StartServerAsync(bool realWorkflows = false)
    {
        var server = await RunningServer.StartAsync(
        [
            $"--Collections:Staff:Users:0:UserName={SecondUser}",
            $"--Collections:Staff:Users:0:PasswordHash={StaffPasswords.Hash(SecondPassword)}",
            "--Collections:Staff:TrustAppServiceAuthentication=true",
            $"--Collections:DebtorPages:LinkSecret={DebtorLinkSecret}",
        ], realWorkflows: realWorkflows);
        AddStaffAccount(server);
        return server;
    }

    /// <summary><c>staff add sanne --display-name "Sanne de Vries"</c> against the running server's data folder,
    /// answering both password prompts; the server reads the account file without a restart.</summary>
    private static void AddStaffAccount(RunningServer server)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = StaffCommand.Run(
            ["add", StaffUser, "--display-name", "Sanne de Vries", $"--Collections:DataPath={server.DataPath}"], _ => StaffPassword, output, error);
        if (exit != 0)
        {
            throw new InvalidOperationException($"staff add failed ({exit}): {error}");
        }
    }

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh context: desktop by default, or a phone (390×844, touch). CSP is bypassed only so
    /// axe-core can be injected; one test runs with the pages' own CSP in force.</summary>
    /// <param name="server">Another server than the shared one, for tests that count everything in the store.</param>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "nl-NL", Uri? server = null, bool bypassCsp = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server.Address).ToString(),
            BypassCSP = bypassCsp,
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Patience for a page to answer while the other test collections load the two cores, not a speed check: a page that
        // never comes still fails. 10 s was once not enough for a sign-in's redirect during a full run (2026-12-04).
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
