using Collections.Server.Hosting;
using Collections.Infrastructure.Storage;

namespace Collections.Server.Tests.Api;

/// <summary><c>import FILE.csv</c> on the real app and store in a data folder of its own.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "collections-import-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] Settings => [$"--Collections:DataPath={Path.Combine(folder, "data")}", $"--Collections:Sqlite:Path={Path.Combine(folder, "data", "collections.db")}"];

    private async Task<(int Exit, string Output, string Error)> ImportAsync(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ImportCommand.RunAsync([file, .. Settings], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_FileWithARefusedRow_StoresTheOthersNamesTheRowAndAgainCreatesNothing()
    {
        var file = Path.Combine(folder, "invoices.csv");
        await File.WriteAllTextAsync(file,
            "number,issueDate,dueDate,amount,currency,debtorId,debtorName,debtorKind,debtorEmail,debtorPreferredChannel\r\n" +
            "I-1,2026-12-01,2027-01-01,100.00,EUR,C-1,Jan,consumer,jan@example.nl,email\r\n" +
            "I-2,2026-12-01,2027-01-01,-3,EUR,C-1,Jan,consumer,jan@example.nl,email\r\n" +
            "I-3,2026-12-01,2027-01-01,50.00,EUR,C-2,Piet,consumer,piet@example.nl,email\r\n");

        var first = await ImportAsync(file);
        var again = await ImportAsync(file);

        Assert.Equal(1, first.Exit);
        Assert.Contains("2 created, 0 already there, 1 refused", first.Output, StringComparison.Ordinal);
        Assert.Contains("row 2: amount:", first.Error, StringComparison.Ordinal);
        Assert.Contains("0 created, 2 already there, 1 refused", again.Output, StringComparison.Ordinal);
        using var store = new SqliteCollectionsStore(Path.Combine(folder, "data", "collections.db"));
        Assert.Equal(2, (await store.ListInvoicesAsync(null, 1, 10, default)).TotalCount);
        Assert.Null(await store.GetInvoiceAsync("I-2", default));
    }

    [Fact]
    public async Task Import_NoSuchFile_1AndSaysSo()
    {
        var result = await ImportAsync(Path.Combine(folder, "missing.csv"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("No file", result.Error, StringComparison.Ordinal);
    }
}
