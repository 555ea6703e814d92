using System.Text;
using Collections.Handlers.Tasks;
using Collections.Storage;
using Collections.Web.Pages;

namespace Collections.Web.Staff;

/// <summary><c>/staff/tasks</c>: every open staff task, oldest first, each assignable and closable with a note, and
/// the call tasks whose time has passed without an outcome (worked on the call list).</summary>
internal static class TaskInboxPage
{
    public static IResult Render(PageContext page, IReadOnlyList<StaffTaskRecord> tasks, IReadOnlyList<CallTaskRecord> overdueCalls, string? done, string? problem)
    {
        var t = page.T;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Encode(t["work.tasks.title"])).Append("</h1>");
        if (problem is not null)
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p>").Append(Html.Encode(problem)).Append("</p></div>");
        }

        if (done is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Html.Encode(t[$"work.tasks.done.{done}"])).Append("</p>");
        }

        html.Append("<section aria-labelledby=\"staff-tasks\"><h2 id=\"staff-tasks\">").Append(Html.Encode(t.Format("work.tasks.open", tasks.Count))).Append("</h2>");
        if (tasks.Count == 0)
        {
            html.Append("<p class=\"card\">").Append(Html.Encode(t["work.tasks.none"])).Append("</p>");
        }

        for (var index = 0; index < tasks.Count; index++)
        {
            Task(html, page, tasks[index], $"t{index}");
        }

        html.Append("</section><section class=\"card\" aria-labelledby=\"overdue-calls\"><h2 id=\"overdue-calls\">")
            .Append(Html.Encode(t.Format("work.tasks.overdueCalls", overdueCalls.Count))).Append("</h2>");
        if (overdueCalls.Count == 0)
        {
            html.Append("<p>").Append(Html.Encode(t["work.tasks.noOverdueCalls"])).Append("</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var call in overdueCalls)
            {
                html.Append("<li><a href=\"/staff/calls\">").Append(Html.Encode(t.Format("work.tasks.call", t.Moment(call.DueBy)))).Append("</a> — ");
                html.AppendJoin(", ", call.InvoiceNumbers.Select(number => $"<a href=\"/staff/invoices/{Uri.EscapeDataString(number)}\">{Html.Encode(number)}</a>"));
                html.Append(" · <a href=\"/staff/debtors/").Append(Uri.EscapeDataString(call.DebtorId)).Append("\">").Append(Html.Encode(t["work.debtor"])).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
        return Html.Page(page, t["work.tasks.title"], html.ToString(), problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, staffNavigation: true);
    }

    private static void Task(StringBuilder html, PageContext page, StaffTaskRecord task, string id)
    {
        var t = page.T;
        var action = "/staff/tasks/" + Uri.EscapeDataString(task.Id);
        html.Append("<article class=\"card\" aria-labelledby=\"").Append(id).Append("-kind\" data-task=\"").Append(Html.Attribute(task.Id)).Append("\">")
            .Append("<h3 id=\"").Append(id).Append("-kind\">").Append(Html.Encode(t[$"work.kind.{task.Kind}"])).Append("</h3>")
            .Append("<p>").Append(Html.Encode(task.Summary)).Append("</p><dl class=\"facts\">")
            .Append("<dt>").Append(Html.Encode(t["debtor.number"])).Append("</dt><dd><a href=\"/staff/invoices/").Append(Uri.EscapeDataString(task.InvoiceNumber)).Append("\">")
            .Append(Html.Encode(task.InvoiceNumber)).Append("</a> · <a href=\"/staff/debtors/").Append(Uri.EscapeDataString(task.DebtorId)).Append("\">").Append(Html.Encode(t["work.debtor"])).Append("</a></dd>")
            .Append("<dt>").Append(Html.Encode(t["work.tasks.raised"])).Append("</dt><dd>").Append(Html.Encode(t.Moment(task.CreatedAt))).Append("</dd>")
            .Append("<dt>").Append(Html.Encode(t["work.tasks.assignee"])).Append("</dt><dd>").Append(Html.Encode(task.Assignee ?? t["work.tasks.unassigned"])).Append("</dd></dl>")
            .Append("<form method=\"post\" action=\"").Append(action).Append("/assign\">").Append(page.AntiforgeryField())
            .Append("<label for=\"").Append(id).Append("-assignee\">").Append(Html.Encode(t["work.tasks.assignTo"])).Append("</label>")
            .Append("<input type=\"text\" id=\"").Append(id).Append("-assignee\" name=\"assignee\" maxlength=\"200\" required value=\"").Append(Html.Attribute(task.Assignee ?? page.StaffName)).Append("\">")
            .Append("<p><button type=\"submit\" class=\"secondary\">").Append(Html.Encode(t["work.tasks.assign"])).Append("</button></p></form>")
            .Append("<form method=\"post\" action=\"").Append(action).Append("/close\">").Append(page.AntiforgeryField())
            .Append("<label for=\"").Append(id).Append("-note\">").Append(Html.Encode(t["work.tasks.note"])).Append("</label>")
            .Append("<textarea id=\"").Append(id).Append("-note\" name=\"note\" rows=\"2\" required maxlength=\"").Append(StaffTaskHandler.MaxNoteLength).Append("\"></textarea>")
            .Append("<p><button type=\"submit\">").Append(Html.Encode(t["work.tasks.close"])).Append("</button></p></form></article>");
    }
}
