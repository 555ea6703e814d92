using System.Globalization;
using System.Text;

namespace Collections.Workflow;

/// <summary>
/// Makes a workflow id (e.g. <c>invoice-2026/0042</c>) usable as a Durable Functions instance id. The Azure Storage
/// backend keeps instances in Azure Tables keyed by the instance id, and table keys must not contain
/// <c>/ \ # ?</c> or control characters ("Understanding the Table service data model", Azure Storage docs).
/// Those characters and <c>%</c> itself become <c>%XX</c> (hex; all of them are below U+00A0), so two different ids never
/// collide and an id without them is used as it is.
/// </summary>
public static class DurableInstanceId
{
    public static string From(string workflowId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowId);
        if (!workflowId.Any(NeedsEscape))
        {
            return workflowId;
        }

        var escaped = new StringBuilder(workflowId.Length + 8);
        foreach (var character in workflowId)
        {
            if (NeedsEscape(character))
            {
                escaped.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(character);
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' || char.IsControl(character);
}
