using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Collections.Infrastructure.Channels.Acs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Server.Tests.Channels.Acs;

/// <summary>A local stand-in for an ACS resource on https://127.0.0.1:&lt;port&gt;. It authenticates every request
/// the way the service does (HMAC recomputed from the received bytes, or a bearer token), answers the SMS and
/// Email REST calls like the service, deduplicates on repeatabilityRequestId / Operation-Id, can be scripted to
/// fail, and records what it received and what it actually "sent".</summary>
internal sealed class FakeAcsServer : IAsyncDisposable
{
    public static readonly byte[] AccessKey = Encoding.UTF8.GetBytes("fake-acs-access-key-for-tests-0123456789");
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>ACS tracks repeatable requests for 5 minutes (learn.microsoft.com/rest/api/communication/repeatable-requests).</summary>
    private static readonly TimeSpan RepeatabilityWindow = TimeSpan.FromMinutes(5);

    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly ConcurrentQueue<ScriptedFailure> failures = new();
    private readonly ConcurrentDictionary<string, (string MessageId, DateTimeOffset FirstSent)> smsByRequestId = new();
    private readonly ConcurrentDictionary<string, FakeEmailOperation> emailOperations = new();
    private readonly ConcurrentDictionary<string, (JsonNode Receipts, DateTimeOffset FirstSent)> whatsAppByRequestId = new();
    private readonly object gate = new();

    private FakeAcsServer(WebApplication app, X509Certificate2 certificate)
    {
        this.app = app;
        this.certificate = certificate;
    }

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(AccessKey)}";

    /// <summary>When set, requests must carry this bearer token instead of an HMAC signature.</summary>
    public string? ExpectedBearerToken { get; set; }

    public List<ReceivedRequest> Received { get; } = [];

    /// <summary>SMS the "service" really sent: one per distinct repeatabilityRequestId.</summary>
    public List<JsonNode> SentSms { get; } = [];

    /// <summary>Emails the "service" really sent: one per distinct Operation-Id.</summary>
    public List<JsonNode> SentEmails { get; } = [];

    /// <summary>Per-recipient failures inside a 202, by phone number.</summary>
    public Dictionary<string, (int Status, string Message)> FailingRecipients { get; } = [];

    /// <summary>Statuses the next email operations go through on successive polls.</summary>
    public string[] EmailStatuses { get; set; } = ["Running", "Succeeded"];

    public JsonObject? EmailFailureError { get; set; }

    public int EmailRetryAfterSeconds { get; set; } = 2;

    /// <summary>Answer a repeated Operation-Id with 409 instead of the existing operation's 202.</summary>
    public bool AnswerDuplicateOperationWith409 { get; set; }

    /// <summary>The WhatsApp channel registered on the resource (Advanced Messaging).</summary>
    public Guid WhatsAppChannelId { get; } = Guid.NewGuid();

    /// <summary>WhatsApp templates Meta approved for the channel: "name:language" → number of body parameters.</summary>
    public Dictionary<string, int> ApprovedTemplates { get; } = [];

    /// <summary>WhatsApp messages the "service" really sent: one per distinct Repeatability-Request-ID.</summary>
    public List<JsonNode> SentWhatsApp { get; } = [];

    /// <summary>Whole-request 400s, by SMS sender id (e.g. a number the resource does not own).</summary>
    public HashSet<string> UnknownSenders { get; } = [];

    public static async Task<FakeAcsServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeAcsServer(app, certificate);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>Client options that trust this server's certificate and retry quickly.</summary>
    public AcsClientOptions ClientOptions(int maxRetries = 3)
    {
        var options = new AcsClientOptions { Transport = new HttpClientTransport(CreateTrustingHandler()) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.Mode = Azure.Core.RetryMode.Fixed;
        return options;
    }

    /// <summary>The next <paramref name="count"/> requests fail with <paramref name="status"/>; with
    /// <paramref name="afterProcessing"/> the request is carried out first and only the response is "lost".</summary>
    public void FailNext(int count, int status, int? retryAfterSeconds = null, bool afterProcessing = false)
    {
        for (var i = 0; i < count; i++)
        {
            failures.Enqueue(new ScriptedFailure(status, retryAfterSeconds, afterProcessing));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
    }

    private HttpClientHandler CreateTrustingHandler()
    {
        var thumbprint = certificate.Thumbprint;
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var received = new ReceivedRequest(
            context.Request.Method,
            rawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        lock (gate)
        {
            Received.Add(received);
        }

        var authError = Authenticate(received, context.Request.Headers.Host.ToString());
        if (authError is not null)
        {
            await WriteError(context, 401, "Denied", authError);
            return;
        }

        failures.TryDequeue(out var failure);
        if (failure is { AfterProcessing: false })
        {
            await WriteFailure(context, failure);
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        (int Status, JsonNode? Body, Dictionary<string, string> Headers) result = (context.Request.Method, path) switch
        {
            ("POST", "/sms") => Sms(JsonNode.Parse(body)!),
            ("POST", "/emails:send") => SendEmail(received, JsonNode.Parse(body)!),
            ("POST", "/messages/notifications:send") => SendWhatsApp(received, JsonNode.Parse(body)!),
            ("GET", _) when path.StartsWith("/emails/operations/", StringComparison.Ordinal) => PollEmail(path["/emails/operations/".Length..]),
            _ => (404, Error("NotFound", $"No route {context.Request.Method} {path}"), []),
        };
        if (failure is not null)
        {
            await WriteFailure(context, failure);
            return;
        }

        context.Response.StatusCode = result.Status;
        foreach (var header in result.Headers)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.Body.ToJsonString());
        }
    }

    /// <summary>Recomputes the HMAC from what arrived, as the service does; or checks the bearer token.</summary>
    private string? Authenticate(ReceivedRequest request, string host)
    {
        var authorization = request.Header("Authorization") ?? string.Empty;
        if (ExpectedBearerToken is not null)
        {
            return authorization == "Bearer " + ExpectedBearerToken ? null : "wrong or missing bearer token";
        }

        var date = request.Header("x-ms-date");
        if (date is null || !DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            return "missing or malformed x-ms-date";
        }

        if ((DateTimeOffset.UtcNow - sentAt).Duration() > AllowedClockSkew)
        {
            return "x-ms-date is more than 15 minutes off";
        }

        var contentHash = Convert.ToBase64String(SHA256.HashData(request.Body));
        if (request.Header("x-ms-content-sha256") != contentHash)
        {
            return "x-ms-content-sha256 does not match the body";
        }

        var stringToSign = $"{request.Method}\n{request.RawTarget}\n{date};{host};{contentHash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(AccessKey, Encoding.UTF8.GetBytes(stringToSign)));
        return authorization == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}"
            ? null
            : "signature mismatch";
    }

    private (int, JsonNode?, Dictionary<string, string>) Sms(JsonNode body)
    {
        var from = body["from"]?.GetValue<string>();
        var message = body["message"]?.GetValue<string>();
        if (from is null || message is null || body["smsRecipients"] is not JsonArray recipients)
        {
            return (400, Error("BadRequest", "from, message and smsRecipients are required"), []);
        }

        if (UnknownSenders.Contains(from))
        {
            return (400, Error("InvalidFromPhoneNumber", $"The from number {from} does not belong to this resource."), []);
        }

        var results = new JsonArray();
        foreach (var recipient in recipients)
        {
            var to = recipient!["to"]!.GetValue<string>();
            var requestId = recipient["repeatabilityRequestId"]?.GetValue<string>();
            var firstSentText = recipient["repeatabilityFirstSent"]?.GetValue<string>();
            if (requestId is null || !Guid.TryParse(requestId, out _)
                || !DateTimeOffset.TryParseExact(firstSentText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var firstSent))
            {
                return (400, Error("BadRequest", "repeatabilityRequestId (GUID) and repeatabilityFirstSent (RFC 1123) are required together"), []);
            }

            if (DateTimeOffset.UtcNow - firstSent > RepeatabilityWindow)
            {
                return (412, Error("PreconditionFailed", "repeatabilityFirstSent is not within the 5 minute window."), []);
            }

            if (FailingRecipients.TryGetValue(to, out var failure))
            {
                results.Add(new JsonObject
                {
                    ["to"] = to, ["httpStatusCode"] = failure.Status, ["successful"] = false, ["errorMessage"] = failure.Message,
                    ["repeatabilityResult"] = "accepted",
                });
                continue;
            }

            lock (gate)
            {
                if (smsByRequestId.TryGetValue(requestId, out var tracked) && DateTimeOffset.UtcNow - tracked.FirstSent <= RepeatabilityWindow)
                {
                    if (tracked.FirstSent != firstSent)
                    {
                        return (400, Error("BadRequest", "repeatabilityFirstSent does not match the tracked request with this repeatabilityRequestId."), []);
                    }

                    results.Add(new JsonObject
                    {
                        ["to"] = to, ["messageId"] = tracked.MessageId, ["httpStatusCode"] = 202, ["successful"] = true,
                        ["repeatabilityResult"] = "rejected",
                    });
                    continue;
                }

                var messageId = "Outgoing_" + Guid.NewGuid().ToString("N");
                smsByRequestId[requestId] = (messageId, firstSent);
                SentSms.Add(body.DeepClone());
                results.Add(new JsonObject
                {
                    ["to"] = to, ["messageId"] = messageId, ["httpStatusCode"] = 202, ["successful"] = true, ["repeatabilityResult"] = "accepted",
                });
            }
        }

        return (202, new JsonObject { ["value"] = results }, []);
    }

    private (int, JsonNode?, Dictionary<string, string>) SendEmail(ReceivedRequest request, JsonNode body)
    {
        var operationId = request.Header("Operation-Id");
        if (operationId is null || !Guid.TryParse(operationId, out _))
        {
            return (400, Error("BadRequest", "Operation-Id must be a GUID"), []);
        }

        if (body["senderAddress"] is null || body["recipients"]?["to"] is not JsonArray { Count: > 0 } || body["content"]?["subject"] is null)
        {
            return (400, Error("BadRequest", "senderAddress, recipients.to and content.subject are required"), []);
        }

        lock (gate)
        {
            if (emailOperations.ContainsKey(operationId) && AnswerDuplicateOperationWith409)
            {
                return (409, Error("Conflict", $"An operation with id {operationId} already exists."), []);
            }

            if (!emailOperations.ContainsKey(operationId))
            {
                emailOperations[operationId] = new FakeEmailOperation(new Queue<string>(EmailStatuses), EmailFailureError);
                SentEmails.Add(body.DeepClone());
            }
        }

        return (202, new JsonObject { ["id"] = operationId, ["status"] = "Running" }, new Dictionary<string, string>
        {
            ["Operation-Location"] = new Uri(Endpoint, $"emails/operations/{operationId}?api-version=2023-03-31").ToString(),
            ["Retry-After"] = EmailRetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Advanced Messaging <c>notifications:send</c> (azure-rest-api-specs, Messages stable 2024-02-01): repeatability
    /// headers, the channel, and for templates an approved name and language whose values and body bindings match.</summary>
    private (int, JsonNode?, Dictionary<string, string>) SendWhatsApp(ReceivedRequest request, JsonNode body)
    {
        if (!request.RawTarget.EndsWith("?api-version=2024-02-01", StringComparison.Ordinal))
        {
            return (400, Error("UnsupportedApiVersion", "api-version must be 2024-02-01"), []);
        }

        var requestId = request.Header("Repeatability-Request-ID");
        if (requestId is null || !Guid.TryParse(requestId, out _)
            || !DateTimeOffset.TryParseExact(request.Header("Repeatability-First-Sent"), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var firstSent))
        {
            return (400, Error("BadRequest", "Repeatability-Request-ID (GUID) and Repeatability-First-Sent (RFC 1123) headers are expected"), []);
        }

        if (!Guid.TryParse(body["channelRegistrationId"]?.GetValue<string>(), out var channel) || channel != WhatsAppChannelId)
        {
            return (400, Error("InvalidChannelRegistrationId", "channelRegistrationId is not a channel of this resource"), []);
        }

        if (body["to"] is not JsonArray { Count: 1 } to)
        {
            return (400, Error("BadRequest", "to must list one recipient"), []);
        }

        var problem = (string?)body["kind"] switch
        {
            "text" => string.IsNullOrEmpty((string?)body["content"]) ? "content is required for kind text" : null,
            "template" => TemplateProblem(body["template"]),
            var kind => $"kind '{kind}' is not supported",
        };
        if (problem is not null)
        {
            return (400, Error("BadRequest", problem), []);
        }

        lock (gate)
        {
            if (whatsAppByRequestId.TryGetValue(requestId, out var tracked) && DateTimeOffset.UtcNow - tracked.FirstSent <= RepeatabilityWindow)
            {
                return tracked.FirstSent == firstSent
                    ? (202, tracked.Receipts.DeepClone(), new Dictionary<string, string> { ["Repeatability-Result"] = "accepted" })
                    : (400, Error("BadRequest", "Repeatability-First-Sent does not match the tracked request"), []);
            }

            var receipts = new JsonObject
            {
                ["receipts"] = new JsonArray(new JsonObject { ["messageId"] = Guid.NewGuid().ToString(), ["to"] = to[0]!.GetValue<string>().TrimStart('+') }),
            };
            whatsAppByRequestId[requestId] = (receipts, firstSent);
            SentWhatsApp.Add(body.DeepClone());
            return (202, receipts.DeepClone(), new Dictionary<string, string> { ["Repeatability-Result"] = "accepted" });
        }
    }

    private string? TemplateProblem(JsonNode? template)
    {
        var name = (string?)template?["name"];
        var language = (string?)template?["language"];
        if (!ApprovedTemplates.TryGetValue($"{name}:{language}", out var parameters))
        {
            return $"template {name} ({language}) is not an approved template of this channel";
        }

        var values = (template!["values"] as JsonArray ?? []).Select(value => value!).ToList();
        var body = template["bindings"]?["kind"]?.GetValue<string>() == "whatsApp" ? template["bindings"]!["body"] as JsonArray ?? [] : [];
        if (values.Count != parameters || body.Count != parameters)
        {
            return $"template {name} has {parameters} body parameters; got {values.Count} values and {body.Count} body bindings";
        }

        var names = values.Where(value => (string?)value["kind"] == "text" && value["text"] is not null).Select(value => (string?)value["name"]).ToHashSet();
        return body.All(binding => names.Contains((string?)binding!["refValue"])) ? null : "every body binding must refer to a text value by name";
    }

    /// <summary>The Event Grid event ACS emits when a WhatsApp message's status changes (schema: Azure Event Grid
    /// <c>AcsMessageDeliveryStatusUpdatedEventData</c>).</summary>
    public JsonObject WhatsAppStatusEvent(string messageId, string to, string status, string? channelCode = null) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs",
        ["subject"] = $"advancedMessage/sender/{WhatsAppChannelId}/recipient/{to.TrimStart('+')}",
        ["eventType"] = "Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated",
        ["eventTime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["dataVersion"] = "1.0",
        ["data"] = new JsonObject
        {
            ["messageId"] = messageId, ["status"] = status, ["channelType"] = "whatsapp", ["from"] = WhatsAppChannelId.ToString(),
            ["to"] = to.TrimStart('+'), ["receivedTimestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["error"] = channelCode is null ? null : new JsonObject { ["channelCode"] = channelCode, ["channelMessage"] = "Message undeliverable" },
        },
    };

    /// <summary>The Event Grid event ACS emits when a user writes to the WhatsApp channel (<c>AcsMessageReceivedEventData</c>).</summary>
    public JsonObject WhatsAppReceivedEvent(string from, string content, DateTimeOffset at) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs",
        ["subject"] = $"advancedMessage/sender/{from.TrimStart('+')}/recipient/{WhatsAppChannelId}",
        ["eventType"] = "Microsoft.Communication.AdvancedMessageReceived",
        ["eventTime"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["dataVersion"] = "1.0",
        ["data"] = new JsonObject
        {
            ["content"] = content, ["channelType"] = "whatsapp", ["from"] = from.TrimStart('+'), ["to"] = WhatsAppChannelId.ToString(),
            ["receivedTimestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
        },
    };

    private (int, JsonNode?, Dictionary<string, string>) PollEmail(string operationId)
    {
        if (!emailOperations.TryGetValue(operationId, out var operation))
        {
            return (404, Error("NotFound", $"No operation {operationId}"), []);
        }

        var status = operation.NextStatus();
        var body = new JsonObject { ["id"] = operationId, ["status"] = status };
        if (status == "Failed" && operation.Error is not null)
        {
            body["error"] = operation.Error.DeepClone();
        }

        var final = status is "Succeeded" or "Failed" or "Canceled";
        return (200, body, final ? [] : new Dictionary<string, string> { ["Retry-After"] = EmailRetryAfterSeconds.ToString(CultureInfo.InvariantCulture) });
    }

    private static async Task WriteFailure(HttpContext context, ScriptedFailure failure)
    {
        if (failure.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await WriteError(context, failure.Status, "Scripted", $"scripted failure {failure.Status}");
    }

    private static async Task WriteError(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Error(code, message).ToJsonString());
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    internal sealed record ReceivedRequest(string Method, string RawTarget, Dictionary<string, string> Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
    }

    private sealed record ScriptedFailure(int Status, int? RetryAfterSeconds, bool AfterProcessing);

    private sealed class FakeEmailOperation(Queue<string> statuses, JsonObject? error)
    {
        private string last = "NotStarted";

        public JsonObject? Error { get; } = error;

        public string NextStatus()
        {
            lock (statuses)
            {
                if (statuses.Count > 0)
                {
                    last = statuses.Dequeue();
                }

                return last;
            }
        }
    }
}
