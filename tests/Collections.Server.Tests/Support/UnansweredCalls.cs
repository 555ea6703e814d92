using System.Net.Http.Json;

namespace Collections.Server.Tests.Support;

/// <summary>Staff who call and record "no answer" on every open call task, through the API as the call list does:
/// real attempts (a task nobody works is not one).</summary>
internal static class UnansweredCalls
{
    public static async Task RecordNoAnswerOnOpenCallsAsync(this RunningServer server)
    {
        foreach (var task in await server.Store.ListOpenCallTasksAsync(null, CancellationToken.None))
        {
            (await server.Client.PostAsJsonAsync($"/api/calls/{Uri.EscapeDataString(task.Id)}/outcome", new { outcome = "no-answer" })).EnsureSuccessStatusCode();
        }

        await server.Driver.RunUntilIdleAsync();
    }
}
