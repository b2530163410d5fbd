import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { useAppStore } from './stores/app.js';
import { useCompetitionStore } from './stores/competitions.js';
import './styles.css';
import './styles/sheet.css';
import './styles/forms.css';
import './styles/laptop.css';
import './styles/load.css';
import './styles/exchange.css';
import './styles/laporan.css';

// The first screen's data is asked for at once, while React renders the shell, not after the first render.
void useAppStore.getState().loadInfo();
void useCompetitionStore.getState().loadList();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
