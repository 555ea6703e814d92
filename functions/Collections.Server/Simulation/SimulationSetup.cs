using Collections.Activities;
using Collections.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Server.Simulation;

/// <summary>What a <see cref="SimulationRunner"/> gives the engine it runs on: the virtual clock, the store and the
/// recording channel the activities use, the activities' settings and a temporary folder of its own.</summary>
public sealed record SimulationSetup(FakeTimeProvider Clock, SqliteCollectionsStore Store, RecordingMessageSender Sender, InvoiceActivityOptions Options, string Folder);
