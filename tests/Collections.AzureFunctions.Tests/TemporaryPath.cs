namespace Collections.AzureFunctions.Tests;

/// <summary>A fresh path under the temp folder, not created (a test may check that nothing creates it); removed with
/// what is in it when the test ends.</summary>
internal sealed class TemporaryPath : IDisposable
{
    public string Value { get; } = Path.Combine(Path.GetTempPath(), "collections-functions-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Value))
        {
            Directory.Delete(Value, recursive: true);
        }
    }
}
