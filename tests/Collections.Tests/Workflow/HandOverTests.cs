using System.Text.Json;
using Collections.Activities;
using Collections.Policy;
using Collections.Server.Simulation;
using Collections.Tests.Simulation;
using CsvHelper;
using UglyToad.PdfPig;

namespace Collections.Tests.Workflow;

/// <summary>R11 after the approval: the agency gets the dossier (PDF, JSON and CSV, read back here), the debtor is told whom
/// to contact; a rejection keeps the invoice in-house or closes it. Consumer F2026-0042 (€1,250), due 2026-03-03, three
/// recorded no-answers (13, 16, 17 March), final notice 2026-04-17 after the last reminder's deadline and a grace day
/// (its own deadline 4 May), approval requested 6 May.</summary>
public sealed class HandOverTests
{
    private static string Scenario(string decision) => Timelines.Single(events: $$"""
        [ {{Timelines.ThreeUnansweredCalls}},
          { "at": "2026-05-20T10:00:00+02:00", "type": "approval", "decision": "{{decision}}" } ]
        """);

    [Fact]
    public async Task Approved_DossierWithPdfAndJsonGoesToTheAgency_ThenTheDebtorIsToldWhomToContact()
    {
        await using var runner = new SimulationRunner(Collections.Server.Simulation.Scenario.Parse(Scenario("approve")), new CollectionsPolicy());
        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            "2026-05-20T10:00+02:00 note approval: Hand-over approved by simulation.",
            "2026-05-20T10:00+02:00 handedOver balance=1250.00 costs=187.50 interest=0",
            "2026-05-20T10:00+02:00 message email formal hand-over-notice balance=1250.00 costs=187.50 interest=0",
            "2026-05-20T10:00+02:00 completed handed-over",
        ], timeline.TakeLast(4));

        var sent = runner.Sender.Sent;
        // The approval email tells the history in the staff's language (Dutch by default), from each line's facts.
        var approvalMail = sent.First(message => message.Subject?.StartsWith("Akkoord gevraagd", StringComparison.Ordinal) == true);
        Assert.Contains(": Laatste aanmaning (formeel) per e-mail", approvalMail.Text, StringComparison.Ordinal);
        Assert.Contains(": Belopdracht (eerste contact, poging 1)", approvalMail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("(formal) by email", approvalMail.Text, StringComparison.Ordinal);
        var agencyMail = Assert.Single(sent, message => message.To == "dossiers@incasso.example.nl");
        var notice = Assert.Single(sent, message => message.IdempotencyKey.EndsWith(":debtor", StringComparison.Ordinal));
        Assert.True(sent.ToList().IndexOf(agencyMail) < sent.ToList().IndexOf(notice), "the debtor is told only after the dossier went out");
        Assert.Equal("jan@example.nl", notice.To);
        Assert.Contains("overgedragen aan Voorbeeld Incasso B.V.", notice.Text, StringComparison.Ordinal);
        Assert.Contains("dossiers@incasso.example.nl", notice.Text, StringComparison.Ordinal);
        Assert.Contains("020 123 4567", notice.Text, StringComparison.Ordinal);

        Assert.Equal(
            ["dossier-F2026-0042.pdf", "dossier-F2026-0042.json", "dossier-F2026-0042-claim.csv", "dossier-F2026-0042-contacts.csv"],
            agencyMail.Attachments!.Select(attachment => attachment.Name));
        var pdf = agencyMail.Attachments![0];
        Assert.Equal("application/pdf", pdf.ContentType);
        using (var document = PdfDocument.Open(pdf.Content))
        {
            var text = Squash(string.Concat(document.GetPages().Select(page => page.Text)));
            foreach (var expected in new[]
            {
                "F2026-0042", "Voorbeeld Installatietechniek B.V.", "Jan Jansen",
                "Factuurbedrag: € 1.250,00", "Betaald: € 0,00", "Openstaande hoofdsom: € 1.250,00", "Incassokosten: € 187,50", "Rente: € 0,00", "Totaal: € 1.437,50",
                "Verzonden op 17-04-2026 per email aan jan@example.nl", "Uiterste betaaldatum: 04-05-2026",
                "13-03-2026 11:00", "16-03-2026 15:00", "17-03-2026 12:00", "no-answer",
            })
            {
                Assert.Contains(Squash(expected), text, StringComparison.Ordinal);
            }
        }

        var json = JsonDocument.Parse(agencyMail.Attachments![1].Content).RootElement;
        Assert.Equal("F2026-0042", json.GetProperty("invoice").GetProperty("number").GetString());
        Assert.Equal(1250m, json.GetProperty("amounts").GetProperty("principal").GetDecimal());
        Assert.Equal(187.50m, json.GetProperty("amounts").GetProperty("costs").GetDecimal());
        Assert.Equal("2026-04-17", json.GetProperty("finalNotice").GetProperty("sentOn").GetString());
        Assert.Equal("2026-05-04", json.GetProperty("finalNotice").GetProperty("deadline").GetString());
        Assert.Contains(json.GetProperty("contacts").EnumerateArray(), contact => contact.GetProperty("summary").GetString() == "Call outcome: no-answer");

        Assert.All(agencyMail.Attachments!.Skip(2), attachment => Assert.Equal("text/csv", attachment.ContentType));
        var claim = Assert.Single(ReadCsv(agencyMail.Attachments![2].Content));
        Assert.Equal("F2026-0042", claim["invoiceNumber"]);
        Assert.Equal("C-17", claim["debtorId"]);
        Assert.Equal("Jan Jansen", claim["debtorName"]);
        Assert.Equal(("1250.00", "0.00", "1250.00", "187.50", "0.00", "1437.50", "EUR"), (claim["invoiceAmount"], claim["paid"], claim["principal"], claim["costs"], claim["interest"], claim["total"], claim["currency"]));
        Assert.Equal(("2026-04-17", "2026-05-04", "email", "jan@example.nl"), (claim["finalNoticeSentOn"], claim["finalNoticeDeadline"], claim["finalNoticeChannel"], claim["finalNoticeSentTo"]));
        Assert.Equal(("Voorbeeld Incasso B.V.", "2026-05-20"), (claim["agency"], claim["handedOverOn"]));

        var contacts = ReadCsv(agencyMail.Attachments![3].Content);
        Assert.Equal(json.GetProperty("contacts").GetArrayLength(), contacts.Count);
        Assert.All(contacts, contact => Assert.Equal("F2026-0042", contact["invoiceNumber"]));
        Assert.Equal(3, contacts.Count(contact => contact["summary"] == "Call outcome: no-answer"));
        Assert.Contains(contacts, contact => contact["at"] == "2026-03-13T11:00:00+01:00" && contact["kind"] == "call-outcome");
    }

    [Fact]
    public async Task KeepInHouse_StaysOpenWithAStaffTask_NothingIsSentAfterTheDecision()
    {
        await using var runner = new SimulationRunner(Collections.Server.Simulation.Scenario.Parse(Scenario("keep-in-house")), new CollectionsPolicy());
        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            "2026-05-20T10:00+02:00 note approval: Hand-over rejected by simulation: kept in-house.",
            "2026-05-20T10:00+02:00 staffTask Hand-over rejected: keep chasing this invoice in-house. No further automatic steps or escalation; it stays open until paid or closed by staff.",
        ], timeline.TakeLast(2));
        Assert.DoesNotContain(timeline, line => line.Contains(" completed ", StringComparison.Ordinal));
        Assert.DoesNotContain(runner.Sender.Sent, message => message.To == "dossiers@incasso.example.nl" || message.IdempotencyKey.EndsWith(":debtor", StringComparison.Ordinal));
        Assert.Equal("open", (await runner.Store.GetInvoiceAsync("F2026-0042", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Approved_WithoutAnAgencyAddress_StaffHandItOverAndTheWorkflowWaits()
    {
        var options = InvoiceActivityOptions.Example with { CollectionAgencyEmail = null };
        await using var runner = new SimulationRunner(Collections.Server.Simulation.Scenario.Parse(Scenario("approve")), new CollectionsPolicy(), options);
        var timeline = (await runner.RunAsync()).Select(Timelines.Compact).ToList();

        Assert.Equal(
        [
            "2026-05-20T10:00+02:00 note approval: Hand-over approved by simulation.",
            "2026-05-20T10:00+02:00 note note: Not handed over: no collection agency email address is configured (Collections:Activities:CollectionAgencyEmail).",
            "2026-05-20T10:00+02:00 staffTask Hand-over approved but the dossier did not reach an agency (see the log): hand it over by hand, then close the invoice.",
        ], timeline.TakeLast(3));
        Assert.Equal("open", (await runner.Store.GetInvoiceAsync("F2026-0042", CancellationToken.None))!.Status);
    }

    /// <summary>Opens a CSV attachment as an importer would: RFC 4180, the header names the columns.</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] content)
    {
        using var csv = CsvReader.Create(content, CsvReaderOptions.Default);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.Headers.ToDictionary(name => name, name => csv.GetString(name)));
        }

        return rows;
    }

    private static string Squash(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
