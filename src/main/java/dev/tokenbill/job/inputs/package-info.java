/**
 * Steps validateInputs and loadCustomers: checks every input file before billing work starts
 * ({@link dev.tokenbill.job.inputs.ValidateInputsTasklet}) in one streaming pass over the files
 * ({@link dev.tokenbill.job.inputs.ValidatedInputs}), made again to store customers, credits and costs
 * ({@link dev.tokenbill.job.inputs.LoadCustomersTasklet}); and the input files recorded with a run
 * ({@link dev.tokenbill.job.inputs.RunInputs}).
 */
package dev.tokenbill.job.inputs;
