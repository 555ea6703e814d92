using System.Text.RegularExpressions;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Collections.AzureFunctions.Tests.Http;

/// <summary>Every link an activity writes into a message leads to a page both hosts serve: the ladders of the shipped
/// examples run with the link bases both hosts configure, and each link's path must match a GET route of the real
/// server and a GET HTTP trigger of the Functions app (its generated <c>functions.metadata</c>). The pay link
/// (the payment provider's) is not ours and is left out.</summary>
public sealed partial class MessageLinksResolveTests
{
    private const string PublicBase = "https://collections.example.nl";

    [Theory]
    [InlineData("late-payer-full-ladder.json")]
    [InlineData("debtor-plan-on-own-page.json")]
    [InlineData("whatsapp-reply-then-paid.json")]
    public async Task EveryLinkInTheMessages_IsServedByTheServer_AndByAFunctionsTrigger(string example)
    {
        var options = ActivityOptionsFactory.Create(Configuration(), new CollectionsOptions { PublicBaseUrl = PublicBase }, SecretSource.ConfigurationOnly);
        await using var runner = new SimulationRunner(ShippedExamples(example), new CollectionsPolicy(), options);
        await runner.RunAsync();
        var server = new RouteTemplates((await ServerEndpoints.ListAsync()).Where(route => route.Method == "GET").Select(route => route.Pattern));
        var functions = new RouteTemplates(FunctionGetRoutes());

        var paths = runner.Sender.Sent
            .SelectMany(message => Link().Matches(message.Text + " " + message.Html).Select(match => new Uri(match.Value)))
            .Where(link => !options.PaymentLinkBase.IsBaseOf(link) && link.GetLeftPart(UriPartial.Authority) == PublicBase)
            .Select(link => link.AbsolutePath)
            .Distinct()
            .ToList();

        Assert.Contains(paths, path => path.StartsWith("/debtor/", StringComparison.Ordinal));
        var unserved = paths.Select(path => (Path: path, Server: server.Match(path), Function: functions.Match(path)))
            .Where(link => link.Server is null || link.Function is null)
            .Select(link => $"{link.Path} (server: {link.Server ?? "none"}, Functions: {link.Function ?? "none"})")
            .ToList();
        Assert.True(unserved.Count == 0, "Links without a page on both hosts: " + string.Join("; ", unserved));
    }

    [Fact]
    public async Task TheFullLadder_SendsApprovalLinks()
    {
        var options = ActivityOptionsFactory.Create(Configuration(), new CollectionsOptions { PublicBaseUrl = PublicBase }, SecretSource.ConfigurationOnly);
        await using var runner = new SimulationRunner(ShippedExamples("late-payer-full-ladder.json"), new CollectionsPolicy(), options);
        await runner.RunAsync();

        var links = runner.Sender.Sent.SelectMany(message => Link().Matches(message.Text).Select(match => match.Value));

        Assert.Contains(links, link => link.StartsWith(PublicBase + "/approvals/", StringComparison.Ordinal) && link.EndsWith("/approve", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(
    [
        new(ActivityOptionsFactory.ApprovalSecretSetting, "approval-secret-for-the-link-test"),
        new(Collections.Web.DebtorPages.DebtorLinks.SecretSetting, "debtor-link-secret-for-the-link-test"),
    ]).Build();

    private static Scenario ShippedExamples(string file) => Scenario.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", file)));

    private static IEnumerable<string> FunctionGetRoutes() =>
        FunctionMetadataTests.FileFunctions()
            .SelectMany(function => function.Bindings)
            .Where(binding => binding["type"]!.GetValue<string>() == "httpTrigger"
                && binding["methods"]!.AsArray().Any(method => string.Equals(method!.GetValue<string>(), "get", StringComparison.OrdinalIgnoreCase)))
            .Select(binding => binding["route"]!.GetValue<string>());

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
