// Collections on Azure: the Functions app (Flex Consumption, managed identity), its storage,
// Communication Services for SMS and email, Key Vault for secrets, and monitoring.
//
// Subscription scope, as in the azd templates: one azd environment is one resource group,
// created here, so `azd down` removes everything the environment made and nothing else.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for the resources; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user (azd: AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer. Empty: none.')
param principalId string = ''

@description('Where Communication Services keeps data at rest.')
param acsDataLocation string = 'Europe'

@description('Custom email domain to send from, e.g. mail.example.nl. Empty: an Azure-managed azurecomm.net domain.')
param emailDomain string = ''

@description('Set to true once the custom domain\'s DNS records are verified; until then mail goes out from the Azure-managed domain.')
param emailDomainVerified bool = false

@description('Local part of the sender address on a custom domain, e.g. facturen.')
param emailSenderUsername string = 'DoNotReply'

@description('Display name next to the sender address, e.g. the creditor\'s company name.')
param emailSenderDisplayName string = 'Collections'

@description('ACS phone number (E.164) or alphanumeric sender id for SMS. Empty: SMS stay in the outbox.')
param smsSender string = ''

@description('Channel registration id of a WhatsApp Business account connected to the Communication Services resource (docs/whatsapp.md). Empty: WhatsApp messages stay in the outbox.')
param whatsAppChannelId string = ''

@description('Client id of the Microsoft Entra ID app registration staff sign in with (App Service authentication, docs/azure.md). Empty: the staff pages are off; staff use the API.')
param staffSignInClientId string = ''

@description('Public address of the app (a custom domain); empty: https://<app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Durable Functions task hub name: letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'Collections'

@description('Upper bound for Flex Consumption scale-out.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@secure()
@description('API key accounting systems and staff tools send in X-Api-Key. azd generates it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param apiKey string

@secure()
@description('HMAC secret of the generic payment webhook (/api/webhooks/payments). azd generates it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param paymentWebhookSecret string

@secure()
@description('Shared secret Event Grid presents to /api/events/acs (query code). azd generates it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param eventGridSecret string

@secure()
@description('Signs the approval links in staff emails; every instance verifies them with it. azd generates it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param approvalTokenSecret string

@secure()
@description('Signs the debtor-page links in reminders; every instance verifies them with it. azd generates it.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param debtorLinkSecret string

@secure()
@description('Stripe endpoint signing secret (whsec_…). Empty: Stripe webhooks are refused.')
param stripeWebhookSecret string = ''

@secure()
@description('Mollie API key (live_… or test_…). Empty: Mollie webhooks are refused.')
param mollieApiKey string = ''

var abbreviations = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbreviations.functionApp}${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

// Key Vault secret name -> app setting that references it.
var secretSettingNames = {
  'api-key': 'Collections__ApiKeys__0'
  'payment-webhook-secret': 'Collections__Webhooks__Secret'
  'event-grid-secret': 'Collections__Channels__EventGrid__Secret'
  'approval-token-secret': 'Collections__Activities__ApprovalTokenSecret'
  'debtor-link-secret': 'Collections__DebtorPages__LinkSecret'
  'stripe-webhook-secret': 'Collections__Stripe__WebhookSecret'
  'mollie-api-key': 'Collections__Mollie__ApiKey'
}

// Optional secrets get a setting only when given: a reference to a missing secret would leave
// the literal reference text in the setting, which the app would then take as the secret.
var optionalSecretsGiven = {
  'stripe-webhook-secret': !empty(stripeWebhookSecret)
  'mollie-api-key': !empty(mollieApiKey)
}

var vaultReferences = toObject(
  filter(objectKeys(secretSettingNames), secretName => optionalSecretsGiven[?secretName] ?? true),
  secretName => secretSettingNames[secretName],
  secretName => secretName
)

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbreviations.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbreviations.logAnalyticsWorkspace}${resourceToken}'
    applicationInsightsName: '${abbreviations.applicationInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: '${abbreviations.storageAccount}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: resourceGroup
  params: {
    communicationServicesName: '${abbreviations.communicationServices}${resourceToken}'
    emailServicesName: '${abbreviations.emailServices}${resourceToken}'
    eventGridTopicName: '${abbreviations.eventGridSystemTopic}${resourceToken}'
    tags: tags
    dataLocation: acsDataLocation
    emailDomain: emailDomain
    customDomainVerified: emailDomainVerified
    senderUsername: emailSenderUsername
    senderDisplayName: emailSenderDisplayName
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: '${abbreviations.keyVault}${resourceToken}'
    location: location
    tags: tags
    secrets: {
      'api-key': apiKey
      'payment-webhook-secret': paymentWebhookSecret
      'event-grid-secret': eventGridSecret
      'approval-token-secret': approvalTokenSecret
      'debtor-link-secret': debtorLinkSecret
      'stripe-webhook-secret': stripeWebhookSecret
      'mollie-api-key': mollieApiKey
    }
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    planName: '${abbreviations.appServicePlan}${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    communicationServicesName: communication.outputs.communicationServicesName
    appPrincipalId: functionApp.outputs.principalId
    deployerPrincipalId: principalId
  }
}

module staffSignIn 'modules/staffsignin.bicep' = if (!empty(staffSignInClientId)) {
  name: 'staffsignin'
  scope: resourceGroup
  params: {
    appName: functionApp.outputs.name
    clientId: staffSignInClientId
  }
}

module appSettings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  scope: resourceGroup
  params: {
    appName: functionApp.outputs.name
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    taskHubName: taskHubName
    communicationServicesEndpoint: communication.outputs.endpoint
    emailSenderAddress: communication.outputs.senderAddress
    smsSender: smsSender
    whatsAppChannelId: whatsAppChannelId
    staffSignInClientId: staffSignInClientId
    publicBaseUrl: publicBaseUrl
    vaultReferences: vaultReferences
  }
  // Key Vault references resolve only once the identity may read secrets.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = appSettings.outputs.publicBaseUrl
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_COMMUNICATION_SERVICES_NAME string = communication.outputs.communicationServicesName
output AZURE_COMMUNICATION_SERVICES_ENDPOINT string = communication.outputs.endpoint
output AZURE_EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress
output AZURE_EVENT_GRID_TOPIC_NAME string = communication.outputs.eventGridTopicName
output AZURE_EMAIL_DOMAIN_VERIFICATION_RECORDS object = communication.outputs.domainVerificationRecords
