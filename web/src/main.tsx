import './api/zod-setup.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles/app.css';
import './styles/forms.css';
import './styles/content.css';
import './styles/results.css';
import './styles/patient.css';
import './styles/clinic.css';
import './styles/work.css';
import './styles/clinic-forms.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no element with id "root"');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
