using Collections.Web.Hosting;

namespace Collections.Web.Staff;

/// <summary>
/// <c>staff add NAME [--display-name "Full Name"]</c>: makes a staff account (or gives an existing one a new
/// password). Asks for the password twice and stores only its hash, in the data folder the server reads
/// (<see cref="StaffAccountFile"/>; configuration switches such as <c>--Collections:DataPath=…</c> apply as for the server).
/// </summary>
public static class StaffCommand
{
    public const int MinPasswordLength = 10;

    private const string Usage = "usage: staff add NAME [--display-name \"Full Name\"] [--Collections:DataPath=FOLDER]";

    /// <param name="askSecret">Shows the prompt and reads one line without echoing it; null at end of input.</param>
    public static int Run(string[] args, Func<string, string?> askSecret, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(askSecret);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["add", var userName, .. var rest] || userName.StartsWith('-') || string.IsNullOrWhiteSpace(userName))
        {
            error.WriteLine(Usage);
            return 2;
        }

        var displayName = Option(ref rest, "--display-name");
        var password = askSecret($"Password for {userName}: ");
        if (password is null || password.Length < MinPasswordLength)
        {
            error.WriteLine($"The password needs at least {MinPasswordLength} characters; no account was made.");
            return 1;
        }

        if (askSecret("Same password again: ") != password)
        {
            error.WriteLine("The two passwords differ; no account was made.");
            return 1;
        }

        var dataPath = DataPath(rest);
        var added = StaffAccountFile.Save(dataPath, new StaffUser { UserName = userName.Trim(), PasswordHash = StaffPasswords.Hash(password), DisplayName = displayName });
        output.WriteLine($"{(added ? "Added" : "New password for")} staff account {userName.Trim()} in {StaffAccountFile.PathIn(dataPath)}.");
        output.WriteLine("Sign in at /staff/sign-in on the running server.");
        return 0;
    }

    /// <summary>Reads a line from the console without showing it (or plainly, when input is redirected).</summary>
    public static string? AskOnConsole(string prompt)
    {
        Console.Write(prompt);
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return typed.ToString();
    }

    private static string? Option(ref string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0 || at + 1 >= args.Length)
        {
            return null;
        }

        var value = args[at + 1];
        args = [.. args[..at], .. args[(at + 2)..]];
        return value;
    }

    /// <summary>The server's own configuration sources (appsettings.json, environment, switches) decide the folder.</summary>
    private static string DataPath(string[] args)
    {
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args }).Configuration;
        return configuration[$"{CollectionsOptions.Section}:{nameof(CollectionsOptions.DataPath)}"] ?? new CollectionsOptions().DataPath;
    }
}
