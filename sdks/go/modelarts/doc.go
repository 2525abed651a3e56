// Huawei Cloud ModelArts notebooks (the notebooks API and the DevEnviron v1 API), with lookups of flavors and images.
package modelarts
