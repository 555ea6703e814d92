// Every role the deployment grants, in one place. The function app's system-assigned identity
// gets exactly what it uses; the optional deployer principal may manage Key Vault secrets.
// Role ids: learn.microsoft.com/azure/role-based-access-control/built-in-roles

param storageAccountName string
param keyVaultName string
param applicationInsightsName string
param communicationServicesName string

@description('Object id of the function app\'s system-assigned identity.')
param appPrincipalId string

@description('Object id of the person deploying (azd sets AZURE_PRINCIPAL_ID); empty grants nothing.')
param deployerPrincipalId string

var roles = {
  // Host storage (AzureWebJobsStorage), Durable task hub blobs and leases, the deployment package.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Durable task hub control and work-item queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable task hub history/instances tables and the product's Azure Tables store.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Key Vault references in app settings.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Deployer: set and rotate secrets in the RBAC-mode vault.
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  // Entra-authenticated telemetry ingestion (the component has local auth disabled).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // Sending SMS and email with Entra ID. ACS honours only built-in roles; this one is scoped to
  // the Communication/Email services and is narrower than Contributor on the resource.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource communicationServices 'Microsoft.Communication/communicationServices@2025-09-01' existing = {
  name: communicationServicesName
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource appStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, appPrincipalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMessaging 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationServices.id, appPrincipalId, roles.communicationAndEmailServiceOwner)
  scope: communicationServices
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, roles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
  }
}
