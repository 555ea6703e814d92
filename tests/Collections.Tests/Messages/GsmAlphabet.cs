namespace Collections.Tests.Messages;

/// <summary>The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, section 6.2.1).
/// A character outside it switches an SMS to UCS-2: 70 instead of 160 characters per part.</summary>
internal static class GsmAlphabet
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static bool Fits(string text) => text.All(character => Basic.Contains(character) || Extension.Contains(character));
}
