// A notebook whose image is looked up by name, and an OBS directory mounted into it, through the Go SDK generated
// from the native provider's package schema (sdks/go: `npm run sdks` writes it).
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"pulumi-modelarts/sdks/go/modelarts"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		name := "notebook2.0-mul-kernel-cpu-cp36"
		image, err := modelarts.GetNotebookImages(ctx, &modelarts.GetNotebookImagesArgs{Name: &name})
		if err != nil {
			return err
		}
		dev, err := modelarts.NewNotebook(ctx, "dev", &modelarts.NotebookArgs{
			Flavor:  pulumi.String("modelarts.vm.cpu.2u"),
			ImageId: pulumi.String(image.Id),
			Volume: &modelarts.NotebookVolumeArgs{
				Category:   modelarts.NotebookVolumeCategoryEVS,
				CapacityGb: pulumi.Int(20),
			},
			// A storage mount needs a running notebook.
			DesiredStatus: modelarts.NotebookDesiredStatusRUNNING,
		})
		if err != nil {
			return err
		}
		_, err = modelarts.NewNotebookStorageMount(ctx, "datasets", &modelarts.NotebookStorageMountArgs{
			NotebookId: dev.NotebookId,
			Uri:        pulumi.String("obs://my-bucket/datasets/"),
			MountPath:  pulumi.String("/data/datasets/"),
		})
		if err != nil {
			return err
		}
		ctx.Export("url", dev.Url)
		return nil
	})
}
