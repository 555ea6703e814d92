// The function app's settings, written after the identity holds its roles so the Key Vault
// references resolve on first start. Secrets never appear here: only references to them.
// Identity-based host storage: learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity

param appName string
param storageAccountName string
param tableEndpoint string
param applicationInsightsConnectionString string
param keyVaultUri string

@description('Durable Functions task hub (host.json reads %TASKHUB_NAME%).')
param taskHubName string

param communicationServicesEndpoint string
param emailSenderAddress string

@description('ACS phone number (E.164) or alphanumeric sender id; empty leaves SMS in the outbox.')
param smsSender string

@description('WhatsApp channel registration id on the ACS resource; empty leaves WhatsApp in the outbox.')
param whatsAppChannelId string

@description('Address debtor pages and approval links point at; empty uses the app\'s default host name.')
param publicBaseUrl string

@description('Client id of the staff sign-in app registration; empty: no App Service authentication, staff pages off.')
param staffSignInClientId string

@description('App setting name -> Key Vault secret name, for the secrets that exist.')
param vaultReferences object

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: appName
}

var baseUrl = empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl

// Flex Consumption takes the worker runtime and version from functionAppConfig; the plan
// rejects FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE here.
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  // Entra ID authentication for telemetry with the system-assigned identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  TASKHUB_NAME: taskHubName
}

var productSettings = {
  Collections__Store: 'tables'
  Collections__Tables__Endpoint: tableEndpoint
  Collections__Channels__Email__Provider: 'Acs'
  Collections__Channels__Email__From: emailSenderAddress
  Collections__Channels__Email__Acs__Endpoint: communicationServicesEndpoint
  Collections__Channels__Sms__Provider: empty(smsSender) ? 'Outbox' : 'Acs'
  Collections__Channels__Sms__From: smsSender
  Collections__Channels__Sms__Acs__Endpoint: communicationServicesEndpoint
  Collections__Channels__WhatsApp__Provider: empty(whatsAppChannelId) ? 'Outbox' : 'Acs'
  Collections__Channels__WhatsApp__ChannelRegistrationId: whatsAppChannelId
  Collections__Channels__WhatsApp__Acs__Endpoint: communicationServicesEndpoint
  // Staff are signed in by App Service authentication (staffsignin.bicep) and known by its identity header.
  Collections__Staff__TrustAppServiceAuthentication: string(!empty(staffSignInClientId))
}

// Kept apart from productSettings: it depends on the deployed app's host name.
var addressSettings = {
  Collections__PublicBaseUrl: baseUrl
}

var secretSettings = toObject(
  items(vaultReferences),
  entry => entry.key,
  entry => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${entry.value})'
)

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: union(platformSettings, productSettings, addressSettings, secretSettings)
}

output publicBaseUrl string = baseUrl
