using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes.Otb.ZcfgGeneration;

namespace Zoo.Core.Tests.Processes.Otb;

/// <summary>
/// Captured OTB 8.1 descriptions written as zcfg and read back, parameter by parameter. The expected values come from
/// OTB's documentation (<c>otbcli_&lt;App&gt; -help</c>) and spec/otb2zcfg.md, written by hand.
/// </summary>
public class OtbZcfgWriterTests
{
    private static readonly string[] ImageFormats = ["image/tiff", "image/jpeg", "image/png"];
    private static readonly string[] VectorFormats = ["text/xml", "application/vnd.google-earth.kml+xml", "application/json", "application/zip"];
    private const string AllPixelTypes = "uint8,uint16,int16,uint32,int32,float,double,cint16,cint32,cfloat,cdouble";

    [Test]
    public void The_header_names_the_application_as_its_OTB_service()
    {
        var process = OtbZcfgFiles.Parsed("BandMath");
        Assert.Multiple(() =>
        {
            Assert.That(process.Name, Is.EqualTo("BandMath"));
            Assert.That(process.Title, Is.EqualTo("Outputs a monoband image which is the result of a mathematical operation on several multi-band images."));
            Assert.That(process.ServiceProvider, Is.EqualTo("BandMath"));
            Assert.That(process.ServiceType, Is.EqualTo("OTB"));
            Assert.That(process.Keys["storeSupported"], Is.EqualTo("true"));
            Assert.That(process.Keys["statusSupported"], Is.EqualTo("true"));
            Assert.That(process.Keys.Contains("confId"), Is.False);
        });
    }

    [Test]
    public void With_an_HPC_configuration_the_service_is_HPC_with_its_confId_and_the_applications_launcher()
    {
        var process = OtbZcfgFiles.Parsed("BandMath", hpcConfId: "preview");
        Assert.Multiple(() =>
        {
            Assert.That(process.ServiceType, Is.EqualTo("HPC"));
            Assert.That(process.Keys["confId"], Is.EqualTo("preview"));
            Assert.That(process.ServiceProvider, Is.EqualTo("otbcli_BandMath"));
        });
    }

    [Test]
    public void BandMath_abstract_keeps_its_less_than_sign_where_ZOO_cut_it()
    {
        var process = OtbZcfgFiles.Parsed("BandMath");
        Assert.That(process.Abstract, Does.Contain("``<`` less than"));
    }

    [Test]
    public void Line_breaks_of_OTB_text_become_spaces_instead_of_gluing_words()
    {
        var process = OtbZcfgFiles.Parsed("TrainDimensionalityReduction");
        Assert.That(process.Abstract, Does.Contain("like other machine learning models. The model can be used"));
    }

    [Test]
    public void BandMath_has_its_four_inputs_and_one_image_output()
    {
        var process = OtbZcfgFiles.Parsed("BandMath");
        Assert.Multiple(() =>
        {
            Assert.That(process.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "il", "out", "exp", "ram" }));
            Assert.That(process.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "out" }));
            Assert.That(process.Input("il").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("il").MinOccurs, Is.EqualTo("1"));
            Assert.That(process.Input("il").MimeTypes(), Is.EqualTo(ImageFormats));
            Assert.That(process.Input("exp").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Input("exp").Default("value"), Is.Null);
            Assert.That(process.Input("ram").Default("dataType"), Is.EqualTo("integer"));
            Assert.That(process.Input("ram").Default("value"), Is.EqualTo("256"));
            Assert.That(process.Input("ram").MinOccurs, Is.EqualTo("0"));
            Assert.That(process.Output("out").MimeTypes(), Is.EqualTo(ImageFormats));
        });
    }

    [Test]
    public void An_output_image_is_also_an_input_carrying_its_pixel_type_with_every_OTB_pixel_type_allowed()
    {
        var pixelType = OtbZcfgFiles.Parsed("BandMath").Input("out");
        Assert.Multiple(() =>
        {
            Assert.That(pixelType.Data!.Kind, Is.EqualTo(DataKind.Literal));
            Assert.That(pixelType.Default("dataType"), Is.EqualTo("string"));
            Assert.That(pixelType.Default("value"), Is.EqualTo("float"));
            Assert.That(pixelType.Default("AllowedValues"), Is.EqualTo(AllPixelTypes));
        });
    }

    [Test]
    public void Segmentation_labels_default_to_uint32_as_OTB_writes_them()
    {
        Assert.That(OtbZcfgFiles.Parsed("Segmentation").Input("mode.raster.out").Default("value"), Is.EqualTo("uint32"));
    }

    [Test]
    public void ImageClassifier_pixel_types_are_OTB_defaults_uint8_double_uint16()
    {
        var process = OtbZcfgFiles.Parsed("ImageClassifier");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("out").Default("value"), Is.EqualTo("uint8"));
            Assert.That(process.Input("confmap").Default("value"), Is.EqualTo("double"));
            Assert.That(process.Input("probamap").Default("value"), Is.EqualTo("uint16"));
            Assert.That(process.Input("confmap").MinOccurs, Is.EqualTo("0"));
        });
    }

    [Test]
    public void ImageClassifier_model_is_an_image_kind_file_and_its_statistics_an_XML_file()
    {
        var process = OtbZcfgFiles.Parsed("ImageClassifier");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("model").MimeTypes(), Is.EqualTo(ImageFormats));
            Assert.That(process.Input("imstat").MimeTypes(), Is.EqualTo(new[] { "text/xml" }));
            Assert.That(process.Input("nbclasses").Default("value"), Is.EqualTo("20"));
        });
    }

    [Test]
    public void Smoothing_radius_is_an_integer_and_stdev_keeps_its_own_entry()
    {
        var process = OtbZcfgFiles.Parsed("Smoothing");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("type.mean.radius").Default("dataType"), Is.EqualTo("integer"));
            Assert.That(process.Input("type.mean.radius").Default("value"), Is.EqualTo("2"));
            Assert.That(process.Input("type.gaussian.stdev").Default("dataType"), Is.EqualTo("float"));
            Assert.That(process.Input("type.gaussian.stdev").Title, Is.EqualTo("Standard deviation of the gaussian kernel used to filter the image"));
            Assert.That(process.Input("type.gaussian.maxwidth").Default("value"), Is.EqualTo("32"));
        });
    }

    [Test]
    public void Smoothing_type_is_a_choice_defaulting_to_anidif()
    {
        var type = OtbZcfgFiles.Parsed("Smoothing").Input("type");
        Assert.Multiple(() =>
        {
            Assert.That(type.Default("dataType"), Is.EqualTo("string"));
            Assert.That(type.Default("value"), Is.EqualTo("anidif"));
            Assert.That(type.Default("AllowedValues"), Is.EqualTo("mean,gaussian,anidif"));
            Assert.That(type.MinOccurs, Is.EqualTo("1"));
        });
    }

    [Test]
    public void Parameters_of_a_choice_branch_are_optional_though_OTB_calls_them_mandatory()
    {
        var process = OtbZcfgFiles.Parsed("Smoothing");
        Assert.That(process.Inputs.Where(i => i.Name.StartsWith("type.", StringComparison.Ordinal)).Select(i => i.MinOccurs).Distinct(),
            Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public void Smoothing_lists_every_parameter_in_OTB_order()
    {
        var process = OtbZcfgFiles.Parsed("Smoothing");
        Assert.That(process.Inputs.Select(i => i.Name), Is.EqualTo(new[]
        {
            "in", "out", "type", "type.mean.radius", "type.gaussian.stdev", "type.gaussian.maxerror", "type.gaussian.maxwidth",
            "type.anidif.timestep", "type.anidif.nbiter", "type.anidif.conductance", "ram",
        }));
    }

    [Test]
    public void A_choice_with_a_single_key_is_closed_and_the_next_parameters_survive()
    {
        var process = OtbZcfgFiles.Parsed("TrainDimensionalityReduction");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("algorithm").Default("value"), Is.EqualTo("som"));
            Assert.That(process.Input("algorithm.som.s").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Input("algorithm.som.s").Default("value"), Is.EqualTo("10 10"));
            Assert.That(process.Input("algorithm.som.s").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("algorithm.som.ni").Default("dataType"), Is.EqualTo("integer"));
        });
    }

    [Test]
    public void TrainDimensionalityReduction_features_are_a_list_of_field_names_and_its_model_a_written_file()
    {
        var process = OtbZcfgFiles.Parsed("TrainDimensionalityReduction");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("feat").Data!.Kind, Is.EqualTo(DataKind.Literal));
            Assert.That(process.Input("feat").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Input("feat").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("io.vd").MimeTypes(), Is.EqualTo(VectorFormats));
            Assert.That(process.Input("io.stats").MimeTypes(), Is.EqualTo(new[] { "text/xml" }));
            Assert.That(process.Inputs.Any(i => i.Name == "io.out"), Is.False);
            Assert.That(process.Output("io.out").MimeTypes(), Is.EqualTo(new[] { "text/xml", "text/plain" }));
        });
    }

    [Test]
    public void ExtractROI_channels_are_a_band_list_and_elevation_inputs_are_a_directory_and_a_geoid_grid()
    {
        var process = OtbZcfgFiles.Parsed("ExtractROI");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("cl").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Input("cl").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("elev.dem").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Input("elev.geoid").MimeTypes(), Is.EqualTo(new[] { "application/octet-stream" }));
            Assert.That(process.Input("mode").Default("AllowedValues"), Is.EqualTo("standard,fit,extent,radius"));
            Assert.That(process.Input("mode.fit.vect").MimeTypes(), Is.EqualTo(VectorFormats));
            Assert.That(process.Input("startx").Default("value"), Is.EqualTo("0"));
        });
    }

    [Test]
    public void A_parameter_OTB_bounds_on_both_sides_gets_its_range()
    {
        var level = OtbZcfgFiles.Parsed("Segmentation").Input("filter.watershed.level");
        Assert.Multiple(() =>
        {
            Assert.That(level.Default("value"), Is.EqualTo("0.1"));
            Assert.That(level.Default("rangeMin"), Is.EqualTo("0"));
            Assert.That(level.Default("rangeMax"), Is.EqualTo("1"));
            Assert.That(level.Default("rangeClosure"), Is.EqualTo("c"));
        });
    }

    [Test]
    public void A_bound_on_one_side_only_writes_no_range()
    {
        var zone = OtbZcfgFiles.Parsed("OrthoRectification").Input("map.utm.zone");
        Assert.Multiple(() =>
        {
            Assert.That(zone.Default("value"), Is.EqualTo("31"));
            Assert.That(zone.Default("rangeMin"), Is.Null);
        });
    }

    [Test]
    public void OrthoRectification_bicubic_radius_is_an_integer_defaulting_to_2()
    {
        var radius = OtbZcfgFiles.Parsed("OrthoRectification").Input("interpolator.bco.radius");
        Assert.Multiple(() =>
        {
            Assert.That(radius.Default("dataType"), Is.EqualTo("integer"));
            Assert.That(radius.Default("value"), Is.EqualTo("2"));
            Assert.That(radius.MinOccurs, Is.EqualTo("0"));
        });
    }

    [Test]
    public void OrthoRectification_booleans_and_unset_floats()
    {
        var process = OtbZcfgFiles.Parsed("OrthoRectification");
        Assert.Multiple(() =>
        {
            Assert.That(process.Input("outputs.isotropic").Default("dataType"), Is.EqualTo("boolean"));
            Assert.That(process.Input("outputs.isotropic").Default("value"), Is.EqualTo("true"));
            Assert.That(process.Input("outputs.ulx").Default("dataType"), Is.EqualTo("float"));
            Assert.That(process.Input("outputs.ulx").Default("value"), Is.Null);
            Assert.That(process.Input("opt.ram").Default("value"), Is.EqualTo("256"));
            Assert.That(process.Input("map").Default("value"), Is.EqualTo("utm"));
        });
    }

    [Test]
    public void ManageNoData_usenan_is_a_boolean_defaulting_to_false()
    {
        var usenan = OtbZcfgFiles.Parsed("ManageNoData").Input("usenan");
        Assert.Multiple(() =>
        {
            Assert.That(usenan.Default("dataType"), Is.EqualTo("boolean"));
            Assert.That(usenan.Default("value"), Is.EqualTo("false"));
            Assert.That(usenan.MinOccurs, Is.EqualTo("1"));
        });
    }

    [Test]
    public void ManageNoData_mask_of_the_apply_mode_is_an_optional_image()
    {
        var mask = OtbZcfgFiles.Parsed("ManageNoData").Input("mode.apply.mask");
        Assert.Multiple(() =>
        {
            Assert.That(mask.MimeTypes(), Is.EqualTo(ImageFormats));
            Assert.That(mask.MinOccurs, Is.EqualTo("0"));
        });
    }

    [Test]
    public void ConcatenateVectorData_takes_a_list_of_vector_files_and_writes_a_vector_file()
    {
        var process = OtbZcfgFiles.Parsed("ConcatenateVectorData");
        Assert.Multiple(() =>
        {
            Assert.That(process.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "vd" }));
            Assert.That(process.Input("vd").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("vd").MimeTypes(), Is.EqualTo(VectorFormats));
            Assert.That(process.Input("vd").Data!.Default!["encoding"], Is.EqualTo("utf-8"));
            Assert.That(process.Output("out").MimeTypes(), Is.EqualTo(VectorFormats));
        });
    }

    [Test]
    public void ReadImageInfo_values_OTB_computes_are_literal_outputs()
    {
        var process = OtbZcfgFiles.Parsed("ReadImageInfo");
        Assert.Multiple(() =>
        {
            Assert.That(process.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "in", "imagemetadata" }));
            Assert.That(process.Outputs, Has.Count.EqualTo(37));
            Assert.That(process.Output("outgeom").Data!.Kind, Is.EqualTo(DataKind.Complex));
            Assert.That(process.Output("sizex").Default("dataType"), Is.EqualTo("integer"));
            Assert.That(process.Output("spacingx").Default("dataType"), Is.EqualTo("float"));
            Assert.That(process.Output("projectionref").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Output("gcp.ids").Default("dataType"), Is.EqualTo("string"));
            Assert.That(process.Output("ullat").Default("value"), Is.Null);
        });
    }

    [Test]
    public void CompareImages_measures_are_float_outputs()
    {
        var process = OtbZcfgFiles.Parsed("CompareImages");
        Assert.Multiple(() =>
        {
            Assert.That(process.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "mse", "mae", "psnr", "count" }));
            Assert.That(process.Outputs.Select(o => o.Default("dataType")).Distinct(), Is.EqualTo(new[] { "float" }));
            Assert.That(process.Input("ref.channel").Default("value"), Is.EqualTo("1"));
            Assert.That(process.Input("ref.in").MimeTypes(), Is.EqualTo(ImageFormats));
        });
    }

    [Test]
    public void ComputeImagesStatistics_writes_an_XML_file_and_computes_four_strings()
    {
        var process = OtbZcfgFiles.Parsed("ComputeImagesStatistics");
        Assert.Multiple(() =>
        {
            Assert.That(process.Inputs.Select(i => i.Name), Is.EqualTo(new[] { "il", "bv", "ram" }));
            Assert.That(process.Outputs.Select(o => o.Name), Is.EqualTo(new[] { "out.xml", "out.mean", "out.min", "out.max", "out.std" }));
            Assert.That(process.Output("out.xml").MimeTypes(), Is.EqualTo(new[] { "text/xml" }));
            Assert.That(process.Output("out.mean").Default("dataType"), Is.EqualTo("string"));
        });
    }

    [Test]
    public void Segmentation_vector_output_is_a_vector_file()
    {
        var process = OtbZcfgFiles.Parsed("Segmentation");
        Assert.Multiple(() =>
        {
            Assert.That(process.Output("mode.vector.out").MimeTypes(), Is.EqualTo(VectorFormats));
            Assert.That(process.Output("mode.raster.out").MimeTypes(), Is.EqualTo(ImageFormats));
            Assert.That(process.Input("mode.vector.ogroptions").MaxOccurs, Is.EqualTo("1024"));
            Assert.That(process.Input("filter").Default("value"), Is.EqualTo("meanshift"));
        });
    }

    [TestCase("BandMath")]
    [TestCase("Smoothing")]
    [TestCase("ConcatenateVectorData")]
    [TestCase("ExtractROI")]
    [TestCase("ReadImageInfo")]
    [TestCase("CompareImages")]
    [TestCase("OrthoRectification")]
    [TestCase("TrainDimensionalityReduction")]
    [TestCase("Segmentation")]
    [TestCase("ImageClassifier")]
    [TestCase("ComputeImagesStatistics")]
    [TestCase("ManageNoData")]
    public void No_parameter_is_lost(string application)
    {
        var description = OtbZcfgFiles.Description(application);
        var process = OtbZcfgFiles.Parsed(application);
        var expected = description.Parameters.Count(p => OtbParameterKinds.IsInput(p)) + description.Parameters.Count(p => OtbParameterKinds.IsOutput(p));
        Assert.That(process.Inputs.Count + process.Outputs.Count, Is.EqualTo(expected));
    }

    [TestCase("BandMath")]
    [TestCase("ExtractROI")]
    [TestCase("ReadImageInfo")]
    [TestCase("OrthoRectification")]
    [TestCase("Segmentation")]
    public void No_value_line_is_left_empty(string application)
    {
        Assert.That(OtbZcfgFiles.Text(application).Split('\n').Where(line => line.Trim() is "value =" or "value = "), Is.Empty);
    }
}
