using System.Xml.Linq;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Collections.Web.Security;

/// <summary>The Data Protection key ring in one Azure table, so every instance of the Functions app protects and
/// reads antiforgery tokens with the same keys. One row per key, the key's XML as it is stored on disk elsewhere.</summary>
internal sealed class TableXmlRepository(TableClient table) : IXmlRepository
{
    /// <summary>Appended to the store's table prefix; at most 17 characters (<c>TableStoreOptions.PrefixProblem</c>).</summary>
    public const string TableSuffix = "keyring";

    private const string Partition = "keys";
    private const string XmlProperty = "Xml";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            return table.Query<TableEntity>(row => row.PartitionKey == Partition)
                .Select(row => XElement.Parse(row.GetString(XmlProperty)))
                .ToList();
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            return [];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        table.CreateIfNotExists();
        // Row keys may not hold / \ # ? or control characters; the key manager's names ("key-<guid>") never do.
        table.UpsertEntity(new TableEntity(Partition, friendlyName) { [XmlProperty] = element.ToString(SaveOptions.DisableFormatting) });
    }
}
