// The Functions app on the Flex Consumption plan (FC1) with a system-assigned managed identity.
// The app package is read from a blob container with that identity; the runtime is .NET 10
// isolated. App settings are written by appsettings.bicep once the identity holds its roles.
// Source: learn.microsoft.com/azure/azure-functions/flex-consumption-how-to

param planName string
param appName string
param location string
param tags object

@description('Blob endpoint of the storage account, ending in /.')
param storageBlobEndpoint string

param deploymentContainerName string

@description('Upper bound for scale-out; Flex Consumption allows 1 to 1000.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance; Flex Consumption offers 512, 2048 and 4096 MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  // azd finds the app to deploy service `api` (azure.yaml) by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Deployments go through Entra ID (azd, func, OneDeploy); no FTP or basic-auth publishing.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
