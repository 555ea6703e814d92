using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using MimeKit;

namespace Collections.Server.Tests.Channels.Smtp;

/// <summary>Runs smtp_sink.py (a real aiosmtpd SMTP server) on 127.0.0.1 and reads what it received.</summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly Process process;
    private bool disposed;

    private SmtpSink(Process process, string folder, int port)
    {
        this.process = process;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    /// <param name="port">The port to listen on (a provider coming back where it was); 0 for a free one.</param>
    public static SmtpSink Start(string? user = null, string? password = null, int port = 0)
    {
        var script = Path.Combine(Path.GetDirectoryName(SourcePath())!, "smtp_sink.py");
        var folder = Directory.CreateTempSubdirectory("collections-smtp-").FullName;
        var start = new ProcessStartInfo(FindPython())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["SMTP_SINK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        foreach (var argument in user is null ? [script, folder] : new[] { script, folder, user, password! })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        var portLine = process.StandardOutput.ReadLineAsync();
        if (!portLine.Wait(TimeSpan.FromSeconds(20)) || !int.TryParse(portLine.Result, out var listening))
        {
            process.Kill();
            throw new InvalidOperationException($"The SMTP sink did not start: {process.StandardError.ReadToEnd()}");
        }

        return new SmtpSink(process, folder, listening);
    }

    /// <summary>Messages received so far, in order, with their raw text.</summary>
    public IReadOnlyList<(MimeMessage Message, string Raw, JsonNode Envelope)> Received() =>
        Directory.GetFiles(Folder, "*.eml")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => (MimeMessage.Load(f), File.ReadAllText(f), JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(f, ".envelope")))!))
            .ToList();

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            process.Kill();
        }

        process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>This file's path at build time: the script lies beside it.</summary>
    private static string SourcePath([CallerFilePath] string path = "") => path;

    /// <summary>Debian's python3 has python3-aiosmtpd (.ci/install); a pyenv shim earlier on PATH may not.</summary>
    private static string FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, "-c \"import aiosmtpd\"") { UseShellExecute = false, RedirectStandardError = true });
                if (probe is not null && probe.WaitForExit(TimeSpan.FromSeconds(20)) && probe.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name: try the next.
            }
        }

        throw new InvalidOperationException("No python3 with aiosmtpd found: run `bash .ci/install` (installs python3-aiosmtpd).");
    }
}
