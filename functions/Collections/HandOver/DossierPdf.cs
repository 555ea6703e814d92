using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Collections.HandOver;

/// <summary>The dossier as an A4 PDF for the agency's case file (Dutch: the agency and the creditor are Dutch).</summary>
public static class DossierPdf
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById(Calendar.LocalTime.AmsterdamId);
    private const double Margin = 50;
    private const double LineHeight = 14;
    private const int WrapAt = 95;

    public static byte[] Render(HandOverDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        DossierFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Dossier {dossier.Invoice.Number}";
        var writer = new PageWriter(document);

        writer.Heading($"Overdracht vordering {dossier.Invoice.Number} aan {dossier.Agency}");
        writer.Line($"Datum overdracht: {Date(dossier.HandedOverOn)}");
        writer.Gap();
        var creditor = dossier.Creditor;
        writer.Heading("Schuldeiser");
        writer.Line($"{creditor.Name}, {creditor.Address.Street}, {creditor.Address.PostalCode} {creditor.Address.City}");
        writer.Line($"Contact: {creditor.BillingContactName}, {creditor.BillingPhone}, {creditor.BillingEmail}");
        if (creditor.ChamberOfCommerceNumber is { } kvk)
        {
            writer.Line($"KvK: {kvk}");
        }

        writer.Gap();
        var debtor = dossier.Debtor;
        writer.Heading("Schuldenaar");
        writer.Line($"{debtor.Name} ({(debtor.Kind == Invoices.DebtorKind.Consumer ? "consument" : "zakelijk")}), klantnummer {debtor.Id}");
        if (debtor.ContactName is { } contact)
        {
            writer.Line($"Contactpersoon: {contact}");
        }

        writer.Line($"E-mail: {debtor.Email ?? "-"}, telefoon: {debtor.Phone ?? "-"}");
        writer.Gap();
        var invoice = dossier.Invoice;
        var amounts = dossier.Amounts;
        writer.Heading("Factuur en vordering");
        writer.Line($"Factuur {invoice.Number}, datum {Date(invoice.IssueDate)}, vervaldatum {Date(invoice.DueDate)}{(invoice.CustomerReference is { } reference ? ", uw referentie " + reference : "")}");
        writer.Line($"Factuurbedrag: {Money(amounts.InvoiceAmount)}");
        writer.Line($"Betaald: {Money(amounts.Paid)}");
        writer.Line($"Openstaande hoofdsom: {Money(amounts.Principal)}");
        writer.Line($"Incassokosten: {Money(amounts.Costs)}");
        writer.Line($"Rente: {Money(amounts.Interest)}");
        writer.Line($"Totaal: {Money(amounts.Total)}");
        writer.Gap();
        writer.Heading("Veertiendagenbrief / laatste aanmaning");
        if (dossier.FinalNotice is { } notice)
        {
            writer.Line($"Verzonden op {Date(notice.SentOn)}{(notice.Channel is null ? "" : " per " + notice.Channel)}{(notice.SentTo is null ? "" : " aan " + notice.SentTo)}");
            writer.Line($"Uiterste betaaldatum: {(notice.Deadline is { } deadline ? Date(deadline) : "-")}");
        }
        else
        {
            writer.Line("Geen laatste aanmaning verzonden.");
        }

        writer.Gap();
        writer.Heading("Contacthistorie");
        foreach (var entry in dossier.Contacts)
        {
            var at = TimeZoneInfo.ConvertTime(entry.At, Amsterdam);
            writer.Line($"{at.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)}  {entry.Kind}{(entry.Channel is null ? "" : " (" + entry.Channel + ")")}: {entry.Summary}");
        }

        writer.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => "€ " + amount.ToString("N2", Dutch);

    /// <summary>Writes lines top to bottom, wrapping long ones and starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private readonly XFont body = new(DossierFontResolver.Family, 9);
        private readonly XFont heading = new(DossierFontResolver.Family, 11, XFontStyleEx.Bold);
        private XGraphics? graphics;
        private double y;
        private double bottom;

        public void Heading(string text) => Write(text, heading);

        public void Line(string text)
        {
            foreach (var part in Wrap(text))
            {
                Write(part, body);
            }
        }

        public void Gap() => y += LineHeight / 2;

        public void Finish() => graphics?.Dispose();

        private void Write(string text, XFont font)
        {
            if (graphics is null || y + LineHeight > bottom)
            {
                graphics?.Dispose();
                var page = document.AddPage();
                graphics = XGraphics.FromPdfPage(page);
                y = Margin;
                bottom = page.Height.Point - Margin;
            }

            graphics.DrawString(text, font, XBrushes.Black, new XPoint(Margin, y + LineHeight));
            y += LineHeight;
        }

        private static IEnumerable<string> Wrap(string text)
        {
            var line = "";
            foreach (var word in text.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > WrapAt)
                {
                    yield return line;
                    line = "    " + word;
                }
                else
                {
                    line = line.Length == 0 ? word : line + " " + word;
                }
            }

            yield return line;
        }
    }
}
