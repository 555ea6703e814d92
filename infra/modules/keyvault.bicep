// Key Vault in RBAC mode for the product's secrets (API keys, webhook secrets, provider keys).
// The app reads them through Key Vault references in its app settings; nobody reads them
// through access policies, and the deployer gets Secrets Officer only when asked (rbac.bicep).

param name string
param location string
param tags object

@description('Secret name -> value. Empty values are skipped, so a redeploy without a value leaves an existing secret alone.')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for item in items(secrets): if (!empty(item.value)) {
    parent: vault
    name: item.key
    properties: {
      value: item.value
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output uri string = vault.properties.vaultUri
