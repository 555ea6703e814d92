using Collections.Privacy;

namespace Collections.Tests.Privacy;

public sealed class MaskedTests
{
    [Theory]
    [InlineData("+31612345678", "+31 6 •••• 78")]
    [InlineData("06 12345678", "+31 6 •••• 78")]
    [InlineData("+32470123456", "+32 4 •••• 56")]
    [InlineData("12", "•••")]
    [InlineData(null, "•••")]
    public void Phone_CountryCodeFirstAndLastTwoDigitsOnly(string? phone, string expected) =>
        Assert.Equal(expected, Masked.Phone(phone));

    [Theory]
    [InlineData("administratie@korenbloem.example", "a•••@k•••.example")]
    [InlineData("j@x.nl", "j•••@x•••.nl")]
    [InlineData("not-an-address", "•••")]
    [InlineData("@example.nl", "•••")]
    public void Email_FirstLettersAndTopLevelDomainOnly(string email, string expected) =>
        Assert.Equal(expected, Masked.Email(email));

    [Fact]
    public void Recipient_ByItsShape()
    {
        Assert.Equal("a•••@k•••.example", Masked.Recipient("administratie@korenbloem.example"));
        Assert.Equal("+31 6 •••• 78", Masked.Recipient("+31612345678"));
    }
}
