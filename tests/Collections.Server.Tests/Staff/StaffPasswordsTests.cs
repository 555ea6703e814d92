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

    /// <summary>The equal work, proven without a clock: an unknown name checks one hash, as a known one does,
    /// and the stand-in hash costs exactly what a real one costs (same PRF, iterations, salt and subkey sizes).</summary>
    [Fact]
    public void Verify_UnknownAccount_ChecksAHashOfTheSameCostAsAKnownOne()
    {
        var hash = StaffPasswords.Hash(Password);
        Assert.Equal(StaffPasswords.CostOf(hash), StaffPasswords.CostOf(StaffPasswords.StandInHash));
        Assert.True(StaffPasswords.CostOf(hash)!.Value.Iterations >= 100_000);

        var before = StaffPasswords.HashesVerified;
        StaffPasswords.Verify(null, "a wrong guess");
        var afterUnknown = StaffPasswords.HashesVerified;
        StaffPasswords.Verify(hash, "a wrong guess");

        Assert.True(afterUnknown - before >= 1);
        Assert.True(StaffPasswords.HashesVerified - afterUnknown >= 1);
    }
}
