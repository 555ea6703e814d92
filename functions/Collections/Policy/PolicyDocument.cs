using System.Text.Json;
using Collections.Calendar;
using Collections.Json;

namespace Collections.Policy;

/// <summary>Reads a policy from JSON (fields left out keep the Dutch defaults) and checks it.</summary>
public static class PolicyDocument
{
    /// <exception cref="PolicyException">The JSON is malformed or a value is out of range; the message names the field.</exception>
    public static CollectionsPolicy Parse(string json)
    {
        CollectionsPolicy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<CollectionsPolicy>(json, CollectionsJson.Options);
        }
        catch (JsonException error)
        {
            throw new PolicyException($"policy: not valid at {error.Path ?? "$"}: {error.Message}");
        }

        policy = policy ?? throw new PolicyException("policy: empty document.");
        var problems = Problems(policy);
        return problems.Count == 0 ? policy : throw new PolicyException("policy: " + string.Join("; ", problems) + ".");
    }

    public static string Serialize(CollectionsPolicy policy) => JsonSerializer.Serialize(policy, CollectionsJson.Options);

    /// <summary>Every problem with the policy, each naming its field; empty when it can be used.</summary>
    public static IReadOnlyList<string> Problems(CollectionsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(policy.Version))
        {
            problems.Add("version is required");
        }

        CheckWindow(policy.MessageWindow, "messageWindow", policy.TimeZone, problems);
        CheckWindow(policy.CallWindow, "callWindow", policy.TimeZone, problems);
        Positive(policy.PreDueNudge.DaysBeforeDue, "preDueNudge.daysBeforeDue", problems);
        if (policy.Ladder.FriendlyReminderBusinessDaysAfterDue is < 0 or > 2)
        {
            problems.Add("ladder.friendlyReminderBusinessDaysAfterDue must be 0, 1 or 2 (R3: no later than two business days after the due date)");
        }

        Positive(policy.Ladder.ReminderTermDays, "ladder.reminderTermDays", problems);
        Positive(policy.Ladder.FirstCallBusinessDaysAfterReminder, "ladder.firstCallBusinessDaysAfterReminder", problems);
        if (policy.Ladder.LatePayerCallBusinessDaysSooner < 0 || policy.Ladder.LatePayerCallBusinessDaysSooner >= policy.Ladder.FirstCallBusinessDaysAfterReminder)
        {
            problems.Add("ladder.latePayerCallBusinessDaysSooner must be at least 0 and less than ladder.firstCallBusinessDaysAfterReminder");
        }

        Positive(policy.Ladder.BusinesslikeReminderBusinessDaysAfterCall, "ladder.businesslikeReminderBusinessDaysAfterCall", problems);
        Positive(policy.Ladder.FollowUpCallBusinessDaysAfterReminder, "ladder.followUpCallBusinessDaysAfterReminder", problems);
        Positive(policy.Ladder.FinalNoticeBusinessDaysAfterCall, "ladder.finalNoticeBusinessDaysAfterCall", problems);
        Positive(policy.Calls.MaxAttempts, "calls.maxAttempts", problems);
        if (policy.Calls.AttemptTimes is not { Count: > 0 })
        {
            problems.Add("calls.attemptTimes needs at least one time of day");
        }

        if (policy.Calls.TaskDueBusinessDays < 0 || policy.Calls.OverdueCallDaysBeforeEscalation < 0 || policy.Ladder.DeadlineGraceDays < 0)
        {
            problems.Add("calls.taskDueBusinessDays, calls.overdueCallDaysBeforeEscalation and ladder.deadlineGraceDays may not be negative");
        }

        if (string.IsNullOrWhiteSpace(policy.Calls.SupervisorEmail))
        {
            problems.Add("calls.supervisorEmail is required");
        }

        if (policy.Agreements.GraceDays < 0 || policy.Agreements.PaidNowDays < 0)
        {
            problems.Add("agreements.graceDays and agreements.paidNowDays may not be negative");
        }

        if (policy.FinalNotice.DeadlineMarginDays < 1)
        {
            // A consumer final notice by email must state a last day at least 15 days after its date: fourteen
            // days from the day after receipt, and an email may be received the day after it is sent.
            problems.Add("finalNotice.deadlineMarginDays must be at least 1: a consumer final notice gives fourteen days from the day after receipt, and an email may arrive the day after it is sent");
        }

        Positive(policy.Approval.ReminderBusinessDays, "approval.reminderBusinessDays", problems);
        if (policy.Approval.EscalationBusinessDays <= policy.Approval.ReminderBusinessDays)
        {
            problems.Add("approval.escalationBusinessDays must be more than approval.reminderBusinessDays");
        }

        if (string.IsNullOrWhiteSpace(policy.Approval.ApproverEmail) || string.IsNullOrWhiteSpace(policy.Approval.EscalationEmail))
        {
            problems.Add("approval.approverEmail and approval.escalationEmail are required");
        }

        if (policy.StepsBeforeContinueAsNew < 5)
        {
            problems.Add("stepsBeforeContinueAsNew must be at least 5");
        }

        CheckWhatsApp(policy.WhatsApp, problems);
        return problems;
    }

    private static void CheckWindow(ContactWindowPolicy? window, string field, string timeZone, List<string> problems)
    {
        if (window?.Days is null)
        {
            problems.Add($"{field} with days, from and to is required");
            return;
        }

        try
        {
            ContactWindow.Create(window.Days, window.From, window.To, timeZone);
        }
        catch (ContactWindowException error)
        {
            problems.Add($"{field}: {error.Message}");
        }
    }

    private static void CheckWhatsApp(WhatsAppPolicy? whatsApp, List<string> problems)
    {
        foreach (var (template, index) in (whatsApp?.Templates ?? []).Select((template, index) => (template, index)))
        {
            var field = $"whatsApp.templates[{index}]";
            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language) || string.IsNullOrWhiteSpace(template.Body))
            {
                problems.Add($"{field}: name, language and body (the approved text) are required");
                continue;
            }

            if (template.Kind is Messages.MessageKind.FinalNotice or Messages.MessageKind.ApprovalRequest)
            {
                problems.Add($"{field}: a {Messages.MessageNames.Of(template.Kind)} is never sent by WhatsApp (it needs email or post)");
            }

            var placeholders = WhatsAppPolicy.Placeholders(template.Body);
            if (placeholders.Count == 0 ? template.Parameters.Count != 0 : placeholders.Max() != template.Parameters.Count || placeholders.Min() < 1)
            {
                problems.Add($"{field}.parameters: the body uses {{{{1}}}}..{{{{{(placeholders.Count == 0 ? 0 : placeholders.Max())}}}}} but {template.Parameters.Count} parameters are given");
            }
        }
    }

    private static void Positive(int value, string field, List<string> problems)
    {
        if (value < 1)
        {
            problems.Add($"{field} must be at least 1");
        }
    }
}

/// <summary>A policy that cannot be used; the message names the field.</summary>
public sealed class PolicyException(string message) : Exception(message);
