namespace Collections.Server.Tests.Storage;

/// <summary>The tests that share one Azurite for their run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
