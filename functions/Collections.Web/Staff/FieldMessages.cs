using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Collections.Web.Staff;

/// <summary>What is wrong with a form field, by the handler's field name (<c>promisedDate</c>,
/// <c>instalments[1].amount</c>), in the page's language.</summary>
public static class FieldMessages
{
    public static string For(IStringLocalizer texts, string field)
    {
        if (field.StartsWith("instalments[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var number = int.Parse(field[12..close], CultureInfo.InvariantCulture) + 1;
            return texts[field.EndsWith("dueDate", StringComparison.Ordinal) ? "error.instalmentDate" : "error.instalmentAmount", number];
        }

        return texts[$"error.{field}"];
    }
}
