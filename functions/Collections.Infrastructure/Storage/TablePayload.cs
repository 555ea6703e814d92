using System.Text.Json;
using Azure.Data.Tables;

namespace Collections.Infrastructure.Storage;

/// <summary>
/// Stores a record as UTF-8 JSON in binary properties Payload0…PayloadN. A property holds at
/// most 64 KiB and an entity at most 1 MiB
/// (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#property-types),
/// so a record is split into 64 KiB parts and refused, naming the record, beyond 15 parts (960 KiB).
/// In practice only outbox messages with large attachments come near that.
/// </summary>
internal static class TablePayload
{
    public const int PartBytes = 64 * 1024;
    public const int MaxParts = 15;
    private const string PartsProperty = "PayloadParts";

    public static void Write<T>(TableEntity entity, T record, string field)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, StoreJson.Options);
        var parts = (bytes.Length + PartBytes - 1) / PartBytes;
        if (parts > MaxParts)
        {
            throw new ArgumentException(
                $"{field} is {bytes.Length} bytes as JSON; Azure Tables stores at most {PartBytes * MaxParts} bytes per record.", field);
        }

        entity[PartsProperty] = parts;
        for (var part = 0; part < parts; part++)
        {
            var start = part * PartBytes;
            entity[$"Payload{part}"] = bytes[start..Math.Min(bytes.Length, start + PartBytes)];
        }
    }

    public static T Read<T>(TableEntity entity)
    {
        var parts = entity.GetInt32(PartsProperty)
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no {PartsProperty}.");
        using var buffer = new MemoryStream();
        for (var part = 0; part < parts; part++)
        {
            var bytes = entity.GetBinary($"Payload{part}")
                ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} lacks Payload{part}.");
            buffer.Write(bytes);
        }

        return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), StoreJson.Options)
            ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} holds a null record.");
    }
}
