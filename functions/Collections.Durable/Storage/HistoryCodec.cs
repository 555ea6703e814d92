using System.Text;
using Collections.Durable.Engine;

namespace Collections.Durable.Storage;

/// <summary>
/// The binary form of the history events one turn appended, stored as one row: per event a kind byte, the
/// timestamp and task id, then name, payload (UTF-8, length-prefixed, absent when null) and fire time.
/// </summary>
internal static class HistoryCodec
{
    private const byte HasName = 1;
    private const byte HasPayload = 2;
    private const byte HasFireAt = 4;

    public static byte[] Encode(IEnumerable<HistoryEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var e in events)
            {
                writer.Write((byte)e.Kind);
                writer.Write((byte)((e.Name is null ? 0 : HasName) | (e.Payload is null ? 0 : HasPayload) | (e.FireAt is null ? 0 : HasFireAt)));
                writer.Write(e.Timestamp.Ticks);
                writer.Write(e.TaskId);
                if (e.Name is not null)
                {
                    writer.Write(e.Name);
                }

                if (e.Payload is not null)
                {
                    writer.Write(e.Payload);
                }

                if (e.FireAt is { } fireAt)
                {
                    writer.Write(fireAt.Ticks);
                }
            }
        }

        return buffer.ToArray();
    }

    public static void Decode(byte[] bytes, List<HistoryEvent> into)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        while (reader.BaseStream.Position < bytes.Length)
        {
            var kind = (HistoryEventKind)reader.ReadByte();
            var present = reader.ReadByte();
            var timestamp = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
            var taskId = reader.ReadInt32();
            var name = (present & HasName) != 0 ? reader.ReadString() : null;
            var payload = (present & HasPayload) != 0 ? reader.ReadString() : null;
            DateTime? fireAt = (present & HasFireAt) != 0 ? new DateTime(reader.ReadInt64(), DateTimeKind.Utc) : null;
            into.Add(new HistoryEvent(kind, timestamp, taskId, name, payload, fireAt));
        }
    }
}
