using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collections.Deployment.Tests.Support;

namespace Collections.Deployment.Tests.Infra;

/// <summary>What the compiled infra/main.bicep deploys: the security and hosting properties an
/// operator relies on, read from the ARM JSON that Azure receives.</summary>
[Collection(CompiledInfra.Name)]
public sealed partial class MainTemplateTests(InfraBuildFixture build)
{
    private readonly ArmTemplate template = build.MainTemplate;

    private ArmTemplate Template => template;

    [Fact]
    public void StorageAccount_Access_AllowsNoKeysNoPublicBlobsAndOnlyTls12()
    {
        var properties = Properties(Template.SingleResourceOfType("Microsoft.Storage/storageAccounts"));

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void FunctionAppPlan_Sku_IsFlexConsumption()
    {
        var plan = Template.SingleResourceOfType("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)Properties(plan)["reserved"]!);
    }

    [Fact]
    public void FunctionApp_Site_HasSystemAssignedIdentityAndHttpsOnly()
    {
        var site = Template.SingleResourceOfType("Microsoft.Web/sites");

        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)Properties(site)["httpsOnly"]!);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
    }

    [Fact]
    public void FunctionApp_Tags_NameTheAzdService()
    {
        var tags = Template.SingleResourceOfType("Microsoft.Web/sites")["tags"]!.AsText();

        // azd deploys service `api` (azure.yaml) to the resource tagged azd-service-name=api.
        Assert.Contains("'azd-service-name', 'api'", tags, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionApp_Config_RunsDotnetIsolated10FromIdentityReadPackage()
    {
        var config = Properties(Template.SingleResourceOfType("Microsoft.Web/sites"))["functionAppConfig"]!;

        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("SystemAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);
    }

    [Fact]
    public void FunctionApp_BasicPublishing_IsOff()
    {
        var policies = Template.AllResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy => Assert.False((bool)Properties(policy)["allow"]!));
    }

    [Fact]
    public void AppSettings_HostStorage_UsesManagedIdentityNotAConnectionString()
    {
        var settings = AppSettingsVariable("platformSettings");

        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('storageAccountName')]", (string?)settings["AzureWebJobsStorage__accountName"]);
        Assert.DoesNotContain("AzureWebJobsStorage", AllLiteralSettingNames());
    }

    [Fact]
    public void AppSettings_FlexConsumption_OmitsSettingsThePlanRejects()
    {
        // Flex Consumption takes runtime and version from functionAppConfig and rejects these as app settings.
        string[] rejected = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE"];

        Assert.Empty(AllLiteralSettingNames().Intersect(rejected));
        Assert.DoesNotContain(rejected, name => AppSettingsResourceText().Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_Telemetry_UsesEntraAuthentication()
    {
        var settings = AppSettingsVariable("platformSettings");
        var insights = Template.SingleResourceOfType("Microsoft.Insights/components");

        Assert.Equal("Authorization=AAD", (string?)settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.NotNull(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.True((bool)Properties(insights)["DisableLocalAuth"]!);
    }

    [Fact]
    public void AppSettings_Durable_NamesTheTaskHubHostJsonReads()
    {
        var hostJson = File.ReadAllText(RepositoryPaths.InRepository("host.json"));

        Assert.Contains("%TASKHUB_NAME%", hostJson, StringComparison.Ordinal);
        Assert.Equal("[parameters('taskHubName')]", (string?)AppSettingsVariable("platformSettings")["TASKHUB_NAME"]);
    }

    [Fact]
    public void AppSettings_Product_UseTablesStoreAndAcsWithManagedIdentity()
    {
        var settings = AppSettingsVariable("productSettings");

        Assert.Equal("tables", (string?)settings["Collections__Store"]);
        Assert.Equal("[parameters('tableEndpoint')]", (string?)settings["Collections__Tables__Endpoint"]);
        Assert.Equal("Acs", (string?)settings["Collections__Channels__Email__Provider"]);
        Assert.Equal("[parameters('emailSenderAddress')]", (string?)settings["Collections__Channels__Email__From"]);
        Assert.Equal("[parameters('communicationServicesEndpoint')]", (string?)settings["Collections__Channels__Email__Acs__Endpoint"]);
        Assert.Equal("[parameters('communicationServicesEndpoint')]", (string?)settings["Collections__Channels__Sms__Acs__Endpoint"]);
        Assert.Equal("[if(empty(parameters('smsSender')), 'Outbox', 'Acs')]", (string?)settings["Collections__Channels__Sms__Provider"]);
        Assert.Equal("[if(empty(parameters('whatsAppChannelId')), 'Outbox', 'Acs')]", (string?)settings["Collections__Channels__WhatsApp__Provider"]);
        Assert.Equal("[parameters('whatsAppChannelId')]", (string?)settings["Collections__Channels__WhatsApp__ChannelRegistrationId"]);
        Assert.Equal("[parameters('communicationServicesEndpoint')]", (string?)settings["Collections__Channels__WhatsApp__Acs__Endpoint"]);
        // Managed identity, not access keys: no ACS connection string anywhere.
        Assert.DoesNotContain(AllLiteralSettingNames(), name => name.EndsWith("__ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void AppSettings_Secrets_AreKeyVaultReferences()
    {
        var secretSettings = (string?)Template.Module("appsettings").Variables["secretSettings"];
        var settingNames = Template.Variables["secretSettingNames"]!.AsObject().Select(pair => (string?)pair.Value).ToHashSet();

        Assert.Contains("'@Microsoft.KeyVault(SecretUri={0}secrets/{1})'", secretSettings, StringComparison.Ordinal);
        Assert.Equal(
            new HashSet<string?>
            {
                "Collections__ApiKeys__0",
                "Collections__Webhooks__Secret",
                "Collections__Channels__EventGrid__Secret",
                "Collections__Activities__ApprovalTokenSecret",
                "Collections__DebtorPages__LinkSecret",
                "Collections__Stripe__WebhookSecret",
                "Collections__Mollie__ApiKey",
            },
            settingNames);
    }

    [Fact]
    public void AppSettings_EverySettingTheFunctionsAppRequires_IsAlwaysSupplied()
    {
        var secretNamesBySetting = Template.Variables["secretSettingNames"]!.AsObject()
            .ToDictionary(pair => (string)pair.Value!, pair => pair.Key);
        var optional = Template.Variables["optionalSecretsGiven"]!.AsObject().Select(pair => pair.Key).ToHashSet();
        var vaultSecrets = Template.ModuleParameters("keyvault")["secrets"]!.AsText();

        Assert.NotEmpty(Collections.AzureFunctions.Hosting.RequiredSettings.Secrets);
        Assert.All(Collections.AzureFunctions.Hosting.RequiredSettings.Secrets.Select(key => key.Replace(":", "__", StringComparison.Ordinal)), setting =>
        {
            Assert.True(secretNamesBySetting.TryGetValue(setting, out var secretName), $"{setting} is not supplied as a Key Vault reference.");
            Assert.DoesNotContain(secretName, optional);
            Assert.Contains($"\"{secretName}\"", vaultSecrets, StringComparison.Ordinal);
        });
        Assert.Equal("tables", (string?)AppSettingsVariable("productSettings")["Collections__Store"]);
    }

    [Fact]
    public void SecureParameters_Values_ReachOnlyTheKeyVaultModule()
    {
        var secureParameters = Template.Parameters
            .Where(pair => (string?)pair.Value!["type"] is "securestring" or "secureObject")
            .Select(pair => pair.Key)
            .ToList();
        Assert.NotEmpty(secureParameters);

        foreach (var module in Template.ModuleNames.Where(name => name != "keyvault"))
        {
            // Main may test a secret for emptiness (to decide whether a setting exists); passing the value on is a leak.
            var passed = EmptinessChecks().Replace(ExpandVariables(Template.ModuleParameters(module).AsText()), string.Empty);
            foreach (var secure in secureParameters)
            {
                Assert.False(passed.Contains($"parameters('{secure}')", StringComparison.Ordinal),
                    $"Secure parameter '{secure}' is passed to module '{module}'.");
            }
        }

        Assert.Equal("secureObject", (string?)Template.Module("keyvault").Parameters["secrets"]!["type"]);
    }

    [Fact]
    public void KeyVault_Authorization_IsRbac()
    {
        var properties = Properties(Template.SingleResourceOfType("Microsoft.KeyVault/vaults"));

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    [InlineData("09976791-48a7-449e-bb21-39d1a415f350", "Communication and Email Service Owner")]
    public void RoleAssignments_AppIdentity_HoldsRole(string roleDefinitionId, string roleName)
    {
        var rbac = Template.Module("rbac");
        var roleVariables = rbac.Variables["roles"]!.AsObject()
            .Where(pair => (string?)pair.Value == roleDefinitionId)
            .Select(pair => $"variables('roles').{pair.Key}")
            .ToList();
        Assert.True(roleVariables.Count == 1, $"rbac.bicep does not define {roleName} ({roleDefinitionId}).");

        var storageRoles = rbac.Variables["storageRoles"]?.AsText() ?? string.Empty;
        var assigned = rbac.Resources
            .Where(resource => (string?)resource["type"] == "Microsoft.Authorization/roleAssignments")
            .Where(resource => (string?)Properties(resource)["principalId"] == "[parameters('appPrincipalId')]")
            .Where(resource => (string?)Properties(resource)["principalType"] == "ServicePrincipal")
            .Select(resource => Properties(resource)["roleDefinitionId"]!.AsText())
            .ToList();

        Assert.True(
            assigned.Any(text => text.Contains(roleVariables[0], StringComparison.Ordinal) || (text.Contains("storageRoles", StringComparison.Ordinal) && storageRoles.Contains(roleVariables[0], StringComparison.Ordinal))),
            $"The app identity is not assigned {roleName}.");
    }

    [Fact]
    public void CommunicationServices_ManagedEmailDomain_IsAlwaysLinked()
    {
        var communication = Template.Module("communication");
        var service = communication.SingleResourceOfType("Microsoft.Communication/communicationServices");
        var linkedDomains = Properties(service)["linkedDomains"].AsText();

        Assert.Contains("resourceId('Microsoft.Communication/emailServices/domains', parameters('emailServicesName'), 'AzureManagedDomain')", linkedDomains, StringComparison.Ordinal);
        Assert.True((bool)Properties(service)["disableLocalAuth"]!);
    }

    [Fact]
    public void CommunicationServices_CustomEmailDomain_IsLinkedOnlyOnceVerified()
    {
        var communication = Template.Module("communication");
        var linkedDomains = Properties(communication.SingleResourceOfType("Microsoft.Communication/communicationServices"))["linkedDomains"].AsText();
        var domains = communication.AllResourcesOfType("Microsoft.Communication/emailServices/domains");

        Assert.Equal(2, domains.Count);
        Assert.Contains(domains, domain => (string?)Properties(domain)["domainManagement"] == "CustomerManaged" && domain["condition"] is not null);
        Assert.Contains("variables('sendFromCustomDomain')", linkedDomains, StringComparison.Ordinal);
        Assert.Equal("[and(variables('useCustomDomain'), parameters('customDomainVerified'))]", (string?)communication.Variables["sendFromCustomDomain"]);
    }

    [Theory]
    [InlineData("SERVICE_API_NAME")]
    [InlineData("SERVICE_API_URI")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("AZURE_EVENT_GRID_TOPIC_NAME")]
    public void MainTemplate_Outputs_IncludeWhatOperatorsNeed(string output)
    {
        Assert.True(Template.Outputs.ContainsKey(output), $"main.bicep has no output {output}.");
    }

    private static JsonObject Properties(JsonObject resource) => resource["properties"]!.AsObject();

    private JsonObject AppSettingsVariable(string name) => Template.Module("appsettings").Variables[name]!.AsObject();

    private string AppSettingsResourceText() =>
        Template.Module("appsettings").SingleResourceOfType("Microsoft.Web/sites/config").AsText();

    private IEnumerable<string> AllLiteralSettingNames() =>
        Template.Module("appsettings").Variables
            .Select(pair => pair.Value)
            .OfType<JsonObject>()
            .SelectMany(settings => settings.Select(pair => pair.Key));

    /// <summary>Replaces <c>variables('x')</c> with x's definition, repeatedly, so a value reached through variables is seen.</summary>
    private string ExpandVariables(string text)
    {
        for (var depth = 0; depth < 10; depth++)
        {
            var expanded = VariableReference().Replace(text, match => Template.Variables[match.Groups["name"].Value]?.AsText() ?? match.Value);
            if (expanded == text)
            {
                return text;
            }

            text = expanded;
        }

        return text;
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"empty\(parameters\('[^']+'\)\)")]
    private static partial Regex EmptinessChecks();
}
