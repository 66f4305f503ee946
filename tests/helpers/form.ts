import type { Model } from '../../src/core/model.js';
import { renderFormMarkdown } from '../../src/render/form.js';

export const renderForm = (model: Model, locale: string): string => renderFormMarkdown(model, locale);
