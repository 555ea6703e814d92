using Collections.Contacts;

namespace Collections.Tests.Contacts;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+31 6 1234 5678", "+31612345678")]
    [InlineData("0612345678", "+31612345678")]
    [InlineData("06-12 34 56 78", "+31612345678")]
    [InlineData("0031612345678", "+31612345678")]
    [InlineData("020 123 4567", "+31201234567")]
    [InlineData("+32 470 12 34 56", "+32470123456")]
    public void Normalize_ValidNumbers_ReturnsE164(string input, string expected)
    {
        var result = PhoneNumberNormalizer.Normalize(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("hello", "not a phone number")]
    [InlineData("+999 1234567", "country code")]
    [InlineData("061234", "not a valid phone number")]
    [InlineData("06123456789", "not a valid phone number")]
    public void Normalize_InvalidNumbers_ExplainsWhy(string input, string reason)
    {
        var result = PhoneNumberNormalizer.Normalize(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsMobile_DistinguishesMobileFromLandline()
    {
        Assert.True(PhoneNumberNormalizer.IsMobile("+31612345678"));
        Assert.False(PhoneNumberNormalizer.IsMobile("+31201234567"));
    }

    [Theory]
    [InlineData("+31612345678", "06 12345678")]
    [InlineData("+31201234567", "020 123 4567")]
    [InlineData("+32470123456", "+32 470 12 34 56")]
    [InlineData("not stored as a number", "not stored as a number")]
    public void ForDisplay_DutchNationally_ForeignInternationally(string stored, string shown)
    {
        Assert.Equal(shown, PhoneNumberNormalizer.ForDisplay(stored));
    }
}
