using System.Net;
using Collections.Web.Staff;
using Collections.Server.Tests.Support;

namespace Collections.Server.Tests.Staff;

/// <summary><c>staff add NAME</c> against a running server's data folder: the account signs in at once.</summary>
public sealed class StaffCommandTests : IAsyncLifetime
{
    private const string Password = "korenbloem-2026";

    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task StaffAdd_PasswordTwice_AccountSignsInWithoutRestart()
    {
        var (exit, output, _) = Run(["add", "sanne", "--display-name", "Sanne de Vries"], Password, Password);

        Assert.Equal(0, exit);
        Assert.Contains("Added staff account sanne", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(StaffAccountFile.PathIn(server.DataPath)), StringComparison.Ordinal);
        using var form = new SignInForm(server.Address);
        var signedIn = await form.PostAsync("Sanne", Password);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/staff/calls", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task StaffAdd_Again_NewPasswordReplacesTheOld()
    {
        Run(["add", "sanne"], Password, Password);

        var (exit, output, _) = Run(["add", "sanne"], "another-password", "another-password");

        Assert.Equal(0, exit);
        Assert.Contains("New password for staff account sanne", output, StringComparison.Ordinal);
        Assert.Single(StaffAccountFile.Load(server.DataPath));
        using var form = new SignInForm(server.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await form.PostAsync("sanne", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await form.PostAsync("sanne", "another-password")).StatusCode);
    }

    [Theory]
    [InlineData("korenbloem-2026", "korenbloem-2027", "differ")]
    [InlineData("short", "short", "at least 10 characters")]
    public void StaffAdd_BadPassword_NoAccountMade(string first, string second, string because)
    {
        var (exit, _, error) = Run(["add", "sanne"], first, second);

        Assert.Equal(1, exit);
        Assert.Contains(because, error, StringComparison.Ordinal);
        Assert.False(File.Exists(StaffAccountFile.PathIn(server.DataPath)));
    }

    [Fact]
    public void Staff_WithoutName_Usage()
    {
        var (exit, _, error) = Run(["add"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("usage: staff add NAME", error, StringComparison.Ordinal);
    }

    private (int Exit, string Output, string Error) Run(string[] args, params string[] answers)
    {
        var queue = new Queue<string>(answers);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = StaffCommand.Run([.. args, $"--Collections:DataPath={server.DataPath}"], _ => queue.Count > 0 ? queue.Dequeue() : null, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
