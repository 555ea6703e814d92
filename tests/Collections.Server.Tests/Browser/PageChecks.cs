using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Collections.Server.Tests.Browser;

/// <summary>What every page must pass: no serious or critical axe-core violation; and a screenshot kept as an artifact.</summary>
internal static class PageChecks
{
    public static async Task AssertAccessibleAsync(IPage page, string screenshotName)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, screenshotName + ".png"),
            FullPage = true,
        });
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join("; ", violation.Nodes.Select(node => node.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join(Environment.NewLine, serious));
    }

    /// <summary>Signs in; waits for the call list unless <paramref name="expectFailure"/>.</summary>
    public static async Task SignInAsync(IPage page, string user = BrowserFixture.StaffUser, string password = BrowserFixture.StaffPassword, bool expectFailure = false)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("Gebruikersnaam|User name")).FillAsync(user);
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("Wachtwoord|Password")).FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        if (!expectFailure)
        {
            await page.WaitForURLAsync("**/staff/calls");
        }
    }
}
