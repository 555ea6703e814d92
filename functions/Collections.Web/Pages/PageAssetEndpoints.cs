namespace Collections.Web.Pages;

/// <summary>The pages' one stylesheet and one script, served from memory with a long cache lifetime
/// (the path carries a version). Colours meet WCAG AA contrast; targets are at least 44px high for phones.</summary>
internal static class PageAssetEndpoints
{
    public const string StylePath = "/pages/assets/pages-1.css";
    public const string ScriptPath = "/pages/assets/pages-1.js";

    public static IEndpointRouteBuilder MapPageAssets(this IEndpointRouteBuilder app)
    {
        // Cast to Delegate: a method taking only HttpContext would otherwise bind as a RequestDelegate, dropping the result.
        app.MapGet(StylePath, (Delegate)StyleAsync).ExcludeFromDescription();
        app.MapGet(ScriptPath, (Delegate)ScriptAsync).ExcludeFromDescription();
        return app;
    }

    internal static Task<IResult> StyleAsync(HttpContext context) => Task.FromResult(Asset(context, Style, "text/css; charset=utf-8"));

    internal static Task<IResult> ScriptAsync(HttpContext context) => Task.FromResult(Asset(context, Script, "text/javascript; charset=utf-8"));

    private static IResult Asset(HttpContext context, string content, string contentType)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Text(content, contentType);
    }

    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#f6f7f9}
        a{color:#0b4f8a}
        a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
        .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
        .skip:focus{left:.5rem}
        header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;background:#0b3d66;color:#fff;padding:.5rem 1rem}
        header.top a,header.top .brand,header.top button.link{color:#fff}
        header.top nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
        header.top .tools{display:flex;gap:1rem;align-items:center}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:0 0 .5rem}
        .card{background:#fff;border:1px solid #c9cfd6;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0}
        label{display:block;font-weight:600;margin:.5rem 0 .25rem}
        fieldset{border:1px solid #c9cfd6;border-radius:.5rem;margin:.75rem 0;padding:.5rem .75rem}
        legend{font-weight:600;padding:0 .25rem}
        .choices{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.25rem}
        .choices label{display:flex;align-items:center;gap:.5rem;font-weight:400;margin:0;min-height:44px}
        .choices input{width:1.25rem;height:1.25rem}
        input[type=text],input[type=date],input[type=datetime-local],input[type=number],input[type=password],input[type=time],textarea,select{font:inherit;width:100%;max-width:24rem;min-height:44px;padding:.4rem .5rem;border:1px solid #5f6b78;border-radius:.25rem;background:#fff;color:#1a1a1a}
        textarea{min-height:5rem}
        button,.button{display:inline-block;font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.1rem;border:2px solid #0b4f8a;border-radius:.35rem;background:#0b4f8a;color:#fff;cursor:pointer;text-decoration:none;margin:.25rem .5rem .25rem 0}
        button.secondary,.button.secondary{background:#fff;color:#0b4f8a}
        button.link{background:none;border:0;padding:0;min-height:0;margin:0;text-decoration:underline;font-weight:400}
        form.inline{display:inline}
        .instalment{display:grid;grid-template-columns:1fr 1fr;gap:0 .75rem}
        .error{color:#a4161a;font-weight:600}
        .errors{border:2px solid #a4161a;background:#fff5f5;border-radius:.5rem;padding:.5rem 1rem;margin:0 0 1rem}
        .notice{border:2px solid #1e6b35;background:#f0faf3;border-radius:.5rem;padding:.5rem 1rem;margin:0 0 1rem}
        .muted{color:#4a5561}
        ol.timeline{list-style:none;padding:0;margin:0}
        ol.timeline li{border-left:3px solid #0b4f8a;padding:0 0 .75rem .75rem;margin-left:.25rem}
        ol.timeline pre{white-space:pre-wrap;font:inherit;background:#f6f7f9;padding:.5rem;border-radius:.25rem;margin:.25rem 0 0}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #c9cfd6}
        td.num,th.num{text-align:right}
        svg.chart{width:100%;max-width:28rem;display:block;margin:0 0 .5rem}
        details{margin:.5rem 0}
        summary{cursor:pointer;font-weight:600;min-height:44px;display:flex;align-items:center;gap:.5rem}
        summary::before{content:"▸"}
        details[open]>summary::before{content:"▾"}
        [hidden]{display:none!important}
        @media (max-width:30rem){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}.instalment{grid-template-columns:1fr}}
        """;

    // Progressive enhancement only: every form works without it. It shows the fields that belong to the
    // chosen call outcome, lets staff add instalment rows and keeps a running total of the plan.
    private const string Script = """
        (function () {
          "use strict";
          function formatMoney(form, amount) {
            var locale = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
            return "€ " + amount.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
          }
          function showOutcomeFields(form) {
            var chosen = form.querySelector("input[name=outcome]:checked");
            form.querySelectorAll("[data-for]").forEach(function (part) {
              part.hidden = !chosen || part.getAttribute("data-for").split(" ").indexOf(chosen.value) < 0;
            });
          }
          function updateTotal(form) {
            var output = form.querySelector("[data-plan-total]");
            if (!output) { return; }
            var total = 0;
            form.querySelectorAll("input[data-instalment-amount]").forEach(function (input) {
              var value = parseFloat((input.value || "").replace(",", "."));
              if (!isNaN(value)) { total += value; }
            });
            var open = parseFloat(output.getAttribute("data-open"));
            var text = output.getAttribute("data-template")
              .replace("{total}", formatMoney(form, total))
              .replace("{open}", formatMoney(form, open))
              .replace("{left}", formatMoney(form, Math.max(0, open - total)));
            output.textContent = text;
          }
          function addInstalment(form) {
            var rows = form.querySelectorAll(".instalment");
            var last = rows[rows.length - 1];
            var copy = last.cloneNode(true);
            var number = rows.length + 1;
            copy.querySelectorAll("input").forEach(function (input) {
              var id = input.id.replace(/-\d+$/, "-" + number);
              var label = copy.querySelector("label[for='" + input.id + "']");
              input.id = id;
              input.value = "";
              if (label) { label.htmlFor = id; label.textContent = label.textContent.replace(/\d+$/, String(number)); }
            });
            last.parentNode.insertBefore(copy, last.nextSibling);
            copy.querySelector("input").focus();
          }
          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll("form[data-outcome-form]").forEach(function (form) {
              showOutcomeFields(form);
              form.addEventListener("change", function (event) {
                if (event.target.name === "outcome") { showOutcomeFields(form); }
              });
              form.addEventListener("input", function () { updateTotal(form); });
              var add = form.querySelector("[data-add-instalment]");
              if (add) {
                add.hidden = false;
                add.addEventListener("click", function () { addInstalment(form); updateTotal(form); });
              }
              updateTotal(form);
            });
            document.querySelectorAll("form[data-plan-form]").forEach(function (form) {
              form.addEventListener("input", function () { updateTotal(form); });
              var add = form.querySelector("[data-add-instalment]");
              if (add) {
                add.hidden = false;
                add.addEventListener("click", function () { addInstalment(form); updateTotal(form); });
              }
              updateTotal(form);
            });
          });
        })();
        """;
}
