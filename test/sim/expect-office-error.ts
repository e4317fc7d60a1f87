/** Test helper: awaits `promise` and returns the OfficeExtension.Error it rejects with, failing the test if it resolves. */
import { OfficeExtensionError } from './office-extension';

export async function officeErrorOf(promise: Promise<unknown>): Promise<OfficeExtensionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OfficeExtensionError) return error;
    throw error;
  }
  throw new Error('expected an OfficeExtension.Error, but the promise resolved');
}
