using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Collections.Server.Tests.Storage;

/// <summary>
/// A real Azurite table service (installed by <c>bash .ci/install</c>) on 127.0.0.1 and a free
/// port, for the lifetime of the test collection — or, from <see cref="WithBlobsAndQueues"/>, tables, blobs and
/// queues (the Durable Task Azure Storage provider needs all three). In-memory, so nothing is left behind.
/// </summary>
public sealed class AzuriteFixture : IDisposable
{
    // Azurite's documented development account (https://learn.microsoft.com/azure/storage/common/storage-use-azurite#http-connection-strings):
    // a public, well-known emulator key, not a secret.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    public AzuriteFixture()
        : this(blobsAndQueues: false)
    {
    }

    private AzuriteFixture(bool blobsAndQueues)
    {
        var executable = Path.Combine(FindRepositoryRoot(), ".ci", "tools", "node_modules", ".bin", blobsAndQueues ? "azurite" : "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({executable} is missing). Run `bash .ci/install` in the repository root, then run the tests again.");
        }

        Port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var arguments = new List<string> { "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--tableHost", "127.0.0.1", "--tablePort", Text(Port) };
        if (blobsAndQueues)
        {
            (BlobPort, QueuePort) = (FreePort(), FreePort());
            arguments.AddRange(["--blobHost", "127.0.0.1", "--blobPort", Text(BlobPort.Value), "--queueHost", "127.0.0.1", "--queuePort", Text(QueuePort.Value)]);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _process.OutputDataReceived += (_, line) => _output.Enqueue(line.Data ?? string.Empty);
        _process.ErrorDataReceived += (_, line) => _output.Enqueue(line.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>The table service's port.</summary>
    public int Port { get; }

    public int? BlobPort { get; }

    public int? QueuePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;" +
        (BlobPort is { } blob ? $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" : string.Empty) +
        (QueuePort is { } queue ? $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" : string.Empty);

    /// <summary>Tables, blobs and queues, as a storage account offers them.</summary>
    public static AzuriteFixture WithBlobsAndQueues() => new(blobsAndQueues: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void WaitUntilListening()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartupLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before listening on port {Port}: {string.Join('\n', _output)}");
            }

            try
            {
                foreach (var port in new[] { Port, BlobPort, QueuePort }.OfType<int>())
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                }

                return;
            }
            catch (SocketException)
            {
                // Not listening yet: wait for the process to exit or a short while, then try again.
                _process.WaitForExit(TimeSpan.FromMilliseconds(100));
            }
        }

        Dispose();
        throw new TimeoutException(
            $"Azurite did not listen on 127.0.0.1:{Port} within {StartupLimit.TotalSeconds} s: {string.Join('\n', _output)}");
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Collections.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Collections.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
