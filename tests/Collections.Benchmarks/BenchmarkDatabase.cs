namespace Collections.Benchmarks;

/// <summary>A fresh SQLite file in a temp directory, deleted afterwards.</summary>
internal sealed class BenchmarkDatabase : IDisposable
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "durable-bench", Guid.NewGuid().ToString("N"));

    public BenchmarkDatabase() => Directory.CreateDirectory(directory);

    public string Path => System.IO.Path.Combine(directory, "bench.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
