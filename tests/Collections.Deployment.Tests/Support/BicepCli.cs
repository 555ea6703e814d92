using System.Diagnostics;

namespace Collections.Deployment.Tests.Support;

/// <summary>Runs the Bicep CLI from the Azure.Bicep.CommandLine NuGet package, offline
/// (<c>--no-restore</c>: the templates use local modules only).</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary><c>bicep build --pattern &lt;glob&gt; --outdir &lt;dir&gt;</c>: one process compiles every file
    /// (ARM JSON into the output folder, mirroring the sources); diagnostics, linter findings included, go to stderr.</summary>
    public static BicepBuildResult BuildAll(string workingDirectory, string pattern, string outputDirectory)
    {
        var start = new ProcessStartInfo(EnsureExecutable(RepositoryPaths.BicepExecutable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "build", "--pattern", pattern, "--outdir", outputDirectory, "--no-restore" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep build --pattern {pattern} did not finish within {Timeout}.");
        }

        var lines = (standardOutput.GetAwaiter().GetResult() + "\n" + standardError.GetAwaiter().GetResult())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new BicepBuildResult(
            process.ExitCode,
            lines.Select(BicepDiagnostic.TryParse).OfType<BicepDiagnostic>().ToList(),
            lines.Where(line => BicepDiagnostic.TryParse(line) is null).ToList());
    }

    /// <summary>NuGet does not always keep the run bit of <c>tools/bicep</c>; set it when it is missing.</summary>
    private static string EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is missing; restore Azure.Bicep.CommandLine.linux-x64.", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}

internal sealed record BicepBuildResult(int ExitCode, IReadOnlyList<BicepDiagnostic> Diagnostics, IReadOnlyList<string> OtherOutput);
