using System.Diagnostics;
using Collections.Web.Staff;

namespace Collections.Server.Tests.Staff;

public sealed class StaffPasswordsTests
{
    private const string Password = "correct horse battery";

    [Fact]
    public void Verify_RightAndWrongPassword_TrueOnlyForTheRightOne()
    {
        var hash = StaffPasswords.Hash(Password);

        Assert.True(StaffPasswords.Verify(hash, Password));
        Assert.False(StaffPasswords.Verify(hash, "correct horse battery "));
        Assert.False(StaffPasswords.Verify("not a hash", Password));
    }

    [Fact]
    public void Verify_UnknownAccount_FalseForAnyPassword()
    {
        Assert.False(StaffPasswords.Verify(null, Password));
        Assert.False(StaffPasswords.Verify(null, string.Empty));
    }

    /// <summary>Without the stand-in hash an unknown name answered in microseconds, a known one in tens of
    /// milliseconds. Medians of a few runs and a wide margin keep this steady on a busy machine.</summary>
    [Fact]
    public void Verify_UnknownAccount_TakesAboutAsLongAsAKnownOne()
    {
        var hash = StaffPasswords.Hash(Password);

        var known = Median(() => StaffPasswords.Verify(hash, "a wrong guess"));
        var unknown = Median(() => StaffPasswords.Verify(null, "a wrong guess"));

        Assert.True(unknown > known / 3, $"unknown {unknown.TotalMilliseconds} ms, known {known.TotalMilliseconds} ms");
    }

    private static TimeSpan Median(Func<bool> verify)
    {
        var times = Enumerable.Range(0, 5).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            verify();
            return watch.Elapsed;
        }).Order().ToList();
        return times[2];
    }
}
