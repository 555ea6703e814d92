using PdfSharp.Fonts;

namespace Collections.HandOver;

/// <summary>PDFsharp on Linux finds no system fonts by itself: every face is the embedded DejaVu Sans.</summary>
internal sealed class DossierFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> Font = new(() =>
    {
        using var stream = typeof(DossierFontResolver).Assembly.GetManifestResourceStream("Collections.HandOver.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The dossier font is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly object Gate = new();

    /// <summary>PDFsharp's resolver is process-wide; set it once, leaving one a host set alone.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new DossierFontResolver();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(Family, isBold, isItalic);

    public byte[] GetFont(string faceName) => Font.Value;
}
